package org.huzhu.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which bank issued a card, from the card number's issuer prefix (卡BIN, 6–10 digits), so that a
 * worker entering a payout card need not pick the bank. The table is data: {@code banking/card-bins.csv}
 * as shipped, then the office's files in {@code huzhu.card-issuers.dir} (a later row for the same
 * prefix wins). The longest matching prefix counts; an unknown prefix gives no answer and the worker
 * picks the bank. Finding the issuer says nothing about the number's validity ({@link BankAccount}).
 */
@Component
public class CardIssuers {

    static final String SHIPPED = "banking/card-bins.csv";
    static final List<String> HEADER = List.of("prefix", "bank", "cardType");
    static final int MIN_PREFIX = 6;
    static final int MAX_PREFIX = 10;

    /** The bank behind a card and whether it is a debit or a credit card. */
    public record CardIssuer(String bank, CardKind kind) {
    }

    /** 借记卡 / 贷记卡 / 准贷记卡, as the table writes them. Payouts go to debit cards. */
    public enum CardKind {
        DEBIT("借记卡"), CREDIT("贷记卡"), SEMI_CREDIT("准贷记卡");

        private final String chinese;

        CardKind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }

        static CardKind of(String chinese) {
            for (CardKind k : values()) {
                if (k.chinese.equals(chinese)) return k;
            }
            return null;
        }
    }

    private final Map<String, CardIssuer> byPrefix;

    @Autowired
    CardIssuers(@Value("${huzhu.card-issuers.dir:}") String officeDir) {
        this(DataTable.read(SHIPPED, officeDir, HEADER));
    }

    private CardIssuers(List<DataTable.Row> rows) {
        Map<String, CardIssuer> table = new HashMap<>();
        for (DataTable.Row row : rows) {
            String prefix = row.cell(0);
            if (prefix.length() < MIN_PREFIX || prefix.length() > MAX_PREFIX || !prefix.chars().allMatch(Character::isDigit)) {
                throw row.problem("a prefix is " + MIN_PREFIX + " to " + MAX_PREFIX + " digits: " + prefix);
            }
            if (row.cell(1).isBlank()) throw row.problem("the bank's name is missing");
            CardKind kind = CardKind.of(row.cell(2));
            if (kind == null) throw row.problem("cardType is 借记卡, 贷记卡 or 准贷记卡: " + row.cell(2));
            table.put(prefix, new CardIssuer(row.cell(1), kind));
        }
        this.byPrefix = Map.copyOf(table);
    }

    /** The shipped table and the office's files in {@code officeDir} (may be blank), without Spring. */
    public static CardIssuers load(String officeDir) {
        return new CardIssuers(officeDir);
    }

    /**
     * The issuer of a card number (spaces allowed, as on the card), by its longest known prefix; empty
     * for an unknown prefix or when fewer than six digits have been typed.
     */
    public Optional<CardIssuer> issuer(String cardNumber) {
        if (cardNumber == null) return Optional.empty();
        String digits = cardNumber.replace(" ", "").strip();
        if (digits.length() < MIN_PREFIX || !digits.chars().allMatch(Character::isDigit)) return Optional.empty();
        for (int length = Math.min(MAX_PREFIX, digits.length()); length >= MIN_PREFIX; length--) {
            CardIssuer found = byPrefix.get(digits.substring(0, length));
            if (found != null) return Optional.of(found);
        }
        return Optional.empty();
    }

    /** The banks the table knows, by name, once each and sorted: the list a worker picks from when the prefix is unknown. */
    public List<String> banks() {
        return byPrefix.values().stream().map(CardIssuer::bank).distinct().sorted(java.text.Collator.getInstance(java.util.Locale.CHINA)).toList();
    }

    /** How many prefixes the table knows. */
    public int size() {
        return byPrefix.size();
    }
}
