package org.huzhu.banking.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A statement line names who paid or was paid: its account number is shown masked and both are stored encrypted. */
class StatementLinesAtRestTest extends ApiTest {

    @Test
    void statementLinesAreServedMaskedAndStoredEncrypted() {
        String card = newCardNumber();
        String payee = "王" + UUID.randomUUID().toString().substring(0, 4) + "职工";
        String bankReference = "SLR" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        String csv = "交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号\n" + day + ",-480.00," + payee + "," + card + ",互助金支付," + bankReference + "\n";
        Answer imported = upload("demo-finance", "/api/v1/bank-statements", "file", "流水.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        Answer lines = get("demo-finance", "/api/v1/bank-statement-lines?from=" + day + "&to=" + day + "&limit=1000");
        assertThat(lines.status()).as(lines.body()).isEqualTo(200);
        assertThat(lines.body()).doesNotContain(card);
        JsonNode line = null;
        for (JsonNode l : lines.json()) if (bankReference.equals(l.path("bankReference").asString())) line = l;
        assertThat(line).as("line " + bankReference).isNotNull();
        assertThat(line.path("counterpartyAccount").asString()).isEqualTo(card.substring(0, 4) + " **** **** " + card.substring(card.length() - 4));
        assertThat(line.path("counterpartyName").asString()).isEqualTo(payee);
        Answer one = get("demo-finance", "/api/v1/bank-statement-lines/" + line.path("id").asLong());
        assertThat(one.body()).doesNotContain(card).contains(payee);

        String row = jdbc.sql("select l::text from banking.statement_line l where bank_reference = ?").param(bankReference)
                .query(String.class).single();
        assertThat(row).doesNotContain(card).doesNotContain(card.substring(card.length() - 8)).doesNotContain(payee);
    }
}
