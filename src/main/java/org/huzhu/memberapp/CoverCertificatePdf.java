package org.huzhu.memberapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.huzhu.membership.MemberCover;
import org.huzhu.shared.pdf.PdfParts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The certificate as one A4 page drawn with PDFBox: title, masked name and ID number, one line per item with
 * its period and status, the issuing office, the issue time (China time), the number, and a QR code of the
 * verification address. Chinese needs a CJK font: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, which
 * {@code ./huzhu} installs), embedded as a subset.
 */
@Component
class CoverCertificatePdf {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final float LEFT = 60;

    private final Path fontFile;

    CoverCertificatePdf(@Value("${huzhu.certificate.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") Path fontFile) {
        this.fontFile = fontFile;
    }

    byte[] render(CoverCertificates.Issued c, String verifyUrl, ZoneId zone) {
        try (TrueTypeCollection fonts = new TrueTypeCollection(fontFile.toFile()); PDDocument doc = new PDDocument()) {
            PDType0Font font = PdfParts.cjkFont(doc, fonts);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float top = page.getMediaBox().getHeight() - 70;
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                text(out, font, 22, LEFT, top, "职工互助保障参保凭证");
                float y = top - 40;
                y = line(out, font, y, "参保人：" + c.holder().maskedName());
                y = line(out, font, y, "身份证号：" + c.holder().maskedIdNumber());
                y = line(out, font, y - 6, "保障项目：");
                if (c.items().isEmpty()) y = line(out, font, y, "    暂无保障项目");
                for (MemberCover.Item i : c.items()) {
                    String period = i.from() == null ? "缴费后生效" : i.from() + " 至 " + i.to();
                    String plan = i.planName().equals(i.itemName()) ? "" : i.planName() + "，";
                    y = line(out, font, y, "    " + i.itemName() + "（" + plan + i.shares() + "份）");
                    y = line(out, font, y, "        保障期 " + period + "    " + i.statusWords());
                }
                y = line(out, font, y - 6, "出具单位：" + c.holder().office());
                y = line(out, font, y, "出具时间：" + ISSUED.format(c.issuedAt().atZone(zone)) + "（北京时间）");
                y = line(out, font, y, "凭证编号：" + c.number());
                out.drawImage(LosslessFactory.createFromImage(doc, PdfParts.qr(verifyUrl, 280, 1)), LEFT, y - 150, 140, 140);
                text(out, font, 10, LEFT + 150, y - 80, "扫码核验本凭证是否有效");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the cover certificate (font " + fontFile + ")", e);
        }
    }

    private static float line(PDPageContentStream out, PDType0Font font, float y, String text) throws IOException {
        text(out, font, 13, LEFT, y, text);
        return y - 24;
    }

    private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }
}
