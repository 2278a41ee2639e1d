package org.huzhu.notifications.sms;

import java.time.Duration;
import java.util.Map;
import org.jsmpp.SMPPConstant;

/**
 * What a negative submit_sm_resp means for the text: a refusal that will not change (invalid number,
 * text too long) or a passing condition worth a later try. Reasons are Chinese, for staff.
 */
final class SmppStatus {

    private static final Duration LATER = Duration.ofSeconds(30);

    private static final Map<Integer, String> PERMANENT = Map.ofEntries(
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTADR, "号码无效"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTTON, "号码类型无效"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTNPI, "号码编码方案无效"),
            Map.entry(SMPPConstant.STAT_ESME_RINVMSGLEN, "短信内容长度无效"),
            Map.entry(SMPPConstant.STAT_ESME_RINVESMCLASS, "短信格式无效"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSRCADR, "发送号码无效，请检查短信通道配置"),
            Map.entry(SMPPConstant.STAT_ESME_RINVREGDLVFLG, "状态报告请求无效"),
            Map.entry(SMPPConstant.STAT_ESME_RINVNUMDESTS, "号码数量无效"));

    private static final Map<Integer, String> TEMPORARY = Map.of(
            SMPPConstant.STAT_ESME_RSYSERR, "短信中心系统错误",
            SMPPConstant.STAT_ESME_RSUBMITFAIL, "短信中心提交失败",
            SMPPConstant.STAT_ESME_RINVBNDSTS, "与短信中心的连接状态异常",
            SMPPConstant.STAT_ESME_RX_T_APPN, "短信中心暂时无法处理");

    private SmppStatus() {
    }

    static boolean isThrottling(int status) {
        return status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL;
    }

    /** The outcome of a refused submit that is not a throttling answer. */
    static SubmitOutcome refused(int status) {
        String code = code(status);
        String permanent = PERMANENT.get(status);
        if (permanent != null) return new SubmitOutcome.PermanentFailure(code, permanent);
        String temporary = TEMPORARY.get(status);
        if (temporary != null) return new SubmitOutcome.TemporaryFailure(code, temporary, LATER);
        return new SubmitOutcome.PermanentFailure(code, "短信中心拒绝（错误码 " + code + "）");
    }

    static String code(int status) {
        return String.format("SMPP-0x%02X", status);
    }
}
