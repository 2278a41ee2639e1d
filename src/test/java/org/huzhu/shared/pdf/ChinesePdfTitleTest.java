package org.huzhu.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** A report's title stays inside the page's margins, however long the office's name: set smaller, then wrapped. */
class ChinesePdfTitleTest {

    private final ChinesePdf pdf = new ChinesePdf(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));

    /** The right edge of the rightmost glyph on the first page, and the text. */
    private static float rightEdge(byte[] file, StringBuilder text) throws IOException {
        List<Float> edges = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) throws IOException {
                    positions.forEach(p -> edges.add(p.getXDirAdj() + p.getWidthDirAdj()));
                    text.append(string);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(doc);
        }
        return edges.stream().max(Float::compare).orElse(0f);
    }

    @Test
    void aLongTitleEndsBeforeTheRightMarginAndIsAllThere() throws IOException {
        String title = "恩施土家族苗族自治州总工会 职工互助保障月度统计报表（2026-10）";
        StringBuilder text = new StringBuilder();
        byte[] file = pdf.draw(w -> w.title(title).line(11, 0, "统计期间：2026-10 至 2026-10　　数据截至：2026-11-23 15:40（北京时间）").rule()
                .line("一、参保"));
        java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
        java.nio.file.Files.write(Path.of("target", "screenshots", "report-title.pdf"), file);   // to look at: pdftoppm -png -r 80
        float right = rightEdge(file, text);
        assertThat(right).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - ChinesePdf.Writer.LEFT);
        assertThat(text.toString()).contains("恩施土家族苗族自治州总工会").contains("统计报表（2026-10）");

        String longer = title.repeat(2);
        StringBuilder wrapped = new StringBuilder();
        assertThat(rightEdge(pdf.draw(w -> w.title(longer)), wrapped)).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - ChinesePdf.Writer.LEFT);
        assertThat(wrapped.toString().replace("\n", "").replace(" ", "")).contains(longer.replace(" ", ""));
    }
}
