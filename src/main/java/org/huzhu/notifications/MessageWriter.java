package org.huzhu.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.Masks;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Turns a template, a reachable person and the values into outbox rows, one per channel the template
 * uses: the SMS (signature, text, opt-out for publicity; the number encrypted, with a masked copy and
 * a keyed hash) and the in-app message. Non-urgent texts wait out quiet hours. A text that would carry
 * a full number is written as failed, never sent, and never undoes the change that caused it.
 */
@Component
class MessageWriter {

    static final String SECRET_MASK = "******";

    private final NotificationProperties settings;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final QuietHours quietHours;

    MessageWriter(NotificationProperties settings, PersonalDataCipher cipher, Clock clock) {
        this.settings = settings;
        this.cipher = cipher;
        this.clock = clock;
        this.quietHours = QuietHours.of(settings, clock.getZone());
    }

    /**
     * A person as a message reaches them: whose it is (member or account), number (may be null), place in
     * the tree, and whether the in-app message goes to their inbox (not for a bare number).
     */
    record Reach(Long memberId, Long accountId, String name, String phone, String scopePath, boolean inbox) {

        static Reach member(long memberId, String name, String phone, String scopePath) {
            return new Reach(memberId, null, name, phone, scopePath, true);
        }

        static Reach account(long accountId, String name, String phone, String scopePath) {
            return new Reach(null, accountId, name, phone, scopePath, true);
        }

        static Reach phone(String phone, Long memberId, String scopePath) {
            return new Reach(memberId, null, null, phone, scopePath == null ? "/" : scopePath, false);
        }
    }

    List<NewMessage> write(Template template, Reach to, Map<String, String> given, String eventKey, Long campaignId) {
        Instant now = clock.instant();
        Map<String, String> values = values(to.name(), given);
        TemplateText text = template.text();
        String filled = text.fill(values);
        String shown = template.hasSecret() ? text.fill(masked(values, template)) : filled;
        Instant notBefore = template.purpose().waitsOutQuietHours() ? quietHours.nextAllowed(now) : now;
        Instant expires = notBefore.plus(template.purpose().validFor(settings.expiry()));
        String who = !to.inbox() ? "p" + hex(cipher.hash(to.phone())) : to.memberId() != null ? "m" + to.memberId() : "a" + to.accountId();
        String key = eventKey + "|" + template.code() + "|" + who + "|";
        List<NewMessage> rows = new ArrayList<>(2);
        if (template.sms() && to.phone() != null) {
            String sms = TemplateText.sms(settings.signature(), filled, template.purpose(), settings.optOut());
            String smsShown = TemplateText.sms(settings.signature(), shown, template.purpose(), settings.optOut());
            boolean unsafe = TemplateText.carriesLongNumber(filled);
            rows.add(new NewMessage(key + "SMS", NewMessage.Channel.SMS, template, to.memberId(), to.accountId(), to.scopePath(),
                    cipher.encrypt(to.phone()), cipher.hash(to.phone()), Masks.phone(to.phone()), template.name(), smsShown,
                    template.hasSecret() ? cipher.encrypt(sms) : null, TemplateText.segments(sms), campaignId,
                    unsafe ? MessageStatus.FAILED : MessageStatus.QUEUED, notBefore, expires, now,
                    unsafe ? "UNSAFE" : null, unsafe ? "内容含完整号码，未发送" : null));
        }
        if (template.inbox() && to.inbox()) {
            rows.add(new NewMessage(key + "INBOX", NewMessage.Channel.INBOX, template, to.memberId(), to.accountId(), to.scopePath(),
                    null, null, null, template.name(), shown, null, 0, campaignId, MessageStatus.DELIVERED, now,
                    now.plus(template.purpose().validFor(settings.expiry())), now, null, null));
        }
        return rows;
    }

    /** The SMS exactly as {@link #write} words it for a person of this name with these values (a template without secrets). */
    String sms(Template template, String name, Map<String, String> given) {
        return TemplateText.sms(settings.signature(), template.text().fill(values(name, given)), template.purpose(), settings.optOut());
    }

    /** The values given, and the person's name, the hotline and the member app's address where not given. */
    private Map<String, String> values(String name, Map<String, String> given) {
        Map<String, String> values = new HashMap<>(given);
        if (name != null) values.putIfAbsent("name", name);
        values.putIfAbsent("hotline", settings.hotline());
        values.putIfAbsent("link", settings.memberAppLink());
        return values;
    }

    private static Map<String, String> masked(Map<String, String> values, Template template) {
        Map<String, String> shown = new HashMap<>(values);
        for (String v : template.variables()) {
            if (TemplateVariable.named(v).map(TemplateVariable::secret).orElse(false)) shown.put(v, SECRET_MASK);
        }
        return shown;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 12));
    }
}
