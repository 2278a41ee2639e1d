package org.huzhu.notifications;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huzhu.notifications.sms.SmsText;

/**
 * A template's body: Chinese text with named variables in braces ({@code {name}}), checked when it is
 * saved (only {@link TemplateVariable}s, no figures that look like an ID number or an account) and
 * filled in when a message is written. An SMS is the scheme's signature, the text and, for publicity,
 * the opt-out instruction.
 */
record TemplateText(String body) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    /** Runs of 11 digits or more (mobile, ID and bank account numbers) never go into a text. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{11,}|\\d{14}[\\dXx]");
    static final int MAX_LENGTH = 500;

    /** The variables the body uses, in order of first use. */
    Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(body);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** What is wrong with the body as a template; empty when it may be saved. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (body == null || body.isBlank()) {
            problems.add("内容不能为空");
            return problems;
        }
        if (body.length() > MAX_LENGTH) problems.add("内容不能超过" + MAX_LENGTH + "字");
        for (String v : variables()) {
            if (TemplateVariable.named(v).isEmpty()) problems.add("未知变量{" + v + "}，可用变量见列表");
        }
        String withoutVariables = VARIABLE.matcher(body).replaceAll("");
        if (withoutVariables.contains("{") || withoutVariables.contains("}")) problems.add("花括号只能用于变量，如{name}");
        if (LONG_NUMBER.matcher(withoutVariables).find()) problems.add("短信中不得出现身份证号、银行账号等完整号码");
        if (withoutVariables.contains("【") || withoutVariables.contains("】")) problems.add("签名由系统自动添加，内容中不要再写【】");
        return problems;
    }

    /** The body with every variable filled in; a missing value is a programming error. */
    String fill(Map<String, String> values) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalArgumentException("no value for template variable " + m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a filled-in text carries a figure that must never be in a text message. */
    static boolean carriesLongNumber(String text) {
        return LONG_NUMBER.matcher(text).find();
    }

    /** The SMS as sent: signature first, opt-out last for publicity. */
    static String sms(String signature, String filled, Purpose purpose, String optOut) {
        if (purpose != Purpose.PUBLICITY) return signature + filled;
        // after a link or a name the opt-out line would run on: a space keeps a link clickable
        boolean ended = !filled.isEmpty() && "。！？；!?.".indexOf(filled.charAt(filled.length() - 1)) >= 0;
        return signature + filled + (ended ? "" : " ") + optOut;
    }

    static int segments(String sms) {
        return SmsText.segments(sms);
    }
}
