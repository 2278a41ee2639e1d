package org.huzhu.hospitals;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.huzhu.shared.pdf.ChinesePdf;
import org.huzhu.shared.pdf.PdfParts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 申领提示牌: one A4 page to print and put up at a partner hospital's discharge desk — the hospital's name, "出院时可申领
 * 职工互助保障", four plain steps, and a large QR code of the member app's claim filing with the hospital filled in
 * ({@code /m/#claim?hospital=CODE}), its address printed beneath for typing. Chinese is drawn with the CJK font the
 * cover certificate uses (WenQuanYi Micro Hei), embedded as a subset.
 */
@Component
class ClaimPosterPdf {

    private static final Color RED = new Color(0xB4, 0x1E, 0x1E);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GREY = new Color(0x66, 0x66, 0x66);
    private static final List<String> STEPS = List.of(
            "用手机扫描下方二维码，打开工会掌上办（已为您填好本院）",
            "用本人手机号码登录，首次登录核对姓名和身份证号码",
            "选择“住院”，填写入院日期，输入病名后从列表中选择",
            "拍下医疗收费票据、医保结算单、出院小结，一次上传即可");

    private final ChinesePdf pdf;
    private final String hotline;

    ClaimPosterPdf(ChinesePdf pdf, @Value("${huzhu.notifications.hotline:12351}") String hotline) {
        this.pdf = pdf;
        this.hotline = hotline;
    }

    byte[] render(Hospital hospital, String officeName, String claimUrl) {
        return pdf.drawPage("申领提示牌 · " + hospital.name(), (doc, stream, font, box) -> {
            float width = box.getWidth();
            float height = box.getHeight();
            Canvas out = new Canvas(stream, font, width);
            out.band(RED, 0, height - 150, width, 150);
            out.centred(Color.WHITE, 18, height - 60, "职工互助保障 · 申领提示");
            out.centred(Color.WHITE, 30, height - 110, hospital.name());
            out.centred(RED, 34, height - 215, "出院时可申领职工互助保障");
            out.centred(INK, 15, height - 250, "参加了职工互助保障的职工，住院治疗出院后，可用手机申领住院互助金");
            float y = height - 305;
            for (int i = 0; i < STEPS.size(); i++) {
                out.circle(RED, 78, y + 6, 13);
                out.text(Color.WHITE, 15, 73, y, String.valueOf(i + 1));
                out.text(INK, 16, 102, y, STEPS.get(i));
                y -= 38;
            }
            out.text(GREY, 13, 102, y + 4, "材料不全也可以先提交，缺的材料稍后补拍；互助金直接发到本人银行卡");
            float qrSize = 200;
            float qrY = y - 20 - qrSize;
            out.image(doc, PdfParts.qr(claimUrl, 460, 2), (width - qrSize) / 2, qrY, qrSize);
            out.centred(INK, 16, qrY - 24, "扫码申领互助金");
            out.centred(GREY, 9, qrY - 40, claimUrl);
            out.line(GREY, 60, 104, width - 60);
            out.centred(GREY, 12, 80, "合作单位：" + officeName + "　　" + hospital.name());
            out.centred(GREY, 12, 60, "职工服务热线：" + hotline + "　　医院编码：" + hospital.code());
        });
    }

    /** Drawing on the page in the one font: text (left or centred), shapes, the QR image. */
    private record Canvas(PDPageContentStream out, PDType0Font font, float pageWidth) {

        void text(Color colour, float size, float x, float y, String text) throws IOException {
            out.setNonStrokingColor(colour);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(text);
            out.endText();
        }

        void centred(Color colour, float size, float y, String text) throws IOException {
            float width = font.getStringWidth(text) / 1000 * size;
            text(colour, size, (pageWidth - width) / 2, y, text);
        }

        void band(Color colour, float x, float y, float w, float h) throws IOException {
            out.setNonStrokingColor(colour);
            out.addRect(x, y, w, h);
            out.fill();
        }

        void circle(Color colour, float cx, float cy, float r) throws IOException {
            float k = 0.552f * r;
            out.setNonStrokingColor(colour);
            out.moveTo(cx - r, cy);
            out.curveTo(cx - r, cy + k, cx - k, cy + r, cx, cy + r);
            out.curveTo(cx + k, cy + r, cx + r, cy + k, cx + r, cy);
            out.curveTo(cx + r, cy - k, cx + k, cy - r, cx, cy - r);
            out.curveTo(cx - k, cy - r, cx - r, cy - k, cx - r, cy);
            out.fill();
        }

        void line(Color colour, float x1, float y, float x2) throws IOException {
            out.setStrokingColor(colour);
            out.setLineWidth(0.5f);
            out.moveTo(x1, y);
            out.lineTo(x2, y);
            out.stroke();
        }

        void image(PDDocument doc, java.awt.image.BufferedImage image, float x, float y, float size) throws IOException {
            out.drawImage(LosslessFactory.createFromImage(doc, image), x, y, size, size);
        }
    }
}
