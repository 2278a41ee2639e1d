package org.huzhu.memberapp;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.huzhu.membership.MemberCover;
import org.huzhu.shared.pdf.ChinesePdf;
import org.springframework.stereotype.Component;

/**
 * The certificate as one A4 page ({@link ChinesePdf}): title, masked name and ID number, one line per item with its
 * period and status, the issuing office, the issue time (China time), the number, and a QR code of the verification
 * address.
 */
@Component
class CoverCertificatePdf {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final ChinesePdf pdf;

    CoverCertificatePdf(ChinesePdf pdf) {
        this.pdf = pdf;
    }

    byte[] render(CoverCertificates.Issued c, String verifyUrl, ZoneId zone) {
        return pdf.draw(w -> {
            w.title("职工互助保障参保凭证");
            w.line("参保人：" + c.holder().maskedName());
            w.line("身份证号：" + c.holder().maskedIdNumber());
            w.gap(6).line("保障项目：");
            if (c.items().isEmpty()) w.line(13, 24, "暂无保障项目");
            for (MemberCover.Item i : c.items()) {
                String period = i.from() == null ? "缴费后生效" : i.from() + " 至 " + i.to();
                String plan = i.planName().equals(i.itemName()) ? "" : i.planName() + "，";
                w.line(13, 24, i.itemName() + "（" + plan + i.shares() + "份）");
                w.line(13, 48, "保障期 " + period + "    " + i.statusWords());
            }
            w.gap(6).line("出具单位：" + c.holder().office());
            w.line("出具时间：" + ISSUED.format(c.issuedAt().atZone(zone)) + "（北京时间）");
            w.line("凭证编号：" + c.number());
            float y = w.y();
            w.image(ChinesePdf.qr(verifyUrl), ChinesePdf.Writer.LEFT, y - 150, 140, 140);
            w.textAt(10, ChinesePdf.Writer.LEFT + 150, y - 80, "扫码核验本凭证是否有效");
        });
    }
}
