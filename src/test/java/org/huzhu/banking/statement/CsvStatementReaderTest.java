package org.huzhu.banking.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plain CSV statement: columns, encodings, signs and exact amounts; every problem names its line. */
class CsvStatementReaderTest {

    private static final String HEADER = "交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号\n";

    @Test
    void readsCreditsAndDebitsWithExactAmounts() {
        String csv = HEADER
                + "2026-11-20,190.00,武汉某某有限公司,420100000000001,互助金 HZB-12,B20261120001\n"
                + "2026/11/21,-480.00,张三,6222020000000000001,HZ-7-1 互助金给付,B20261121001\n"
                + "20261122,0.01,\"某单位，财务部\",,\"附言含\"\"引号\"\"\",B20261122001\n";

        ParsedStatement statement = CsvStatementReader.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(statement.format()).isEqualTo("CSV");
        assertThat(statement.lines()).hasSize(3);
        ParsedStatement.Line credit = statement.lines().get(0);
        assertThat(credit.credit()).isTrue();
        assertThat(credit.amount()).isEqualTo(Money.of("190.00"));
        assertThat(credit.valueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(credit.counterpartyName()).isEqualTo("武汉某某有限公司");
        assertThat(credit.counterpartyAccount()).isEqualTo("420100000000001");
        assertThat(credit.remittance()).isEqualTo("互助金 HZB-12");
        assertThat(credit.bankReference()).isEqualTo("B20261120001");
        ParsedStatement.Line debit = statement.lines().get(1);
        assertThat(debit.credit()).isFalse();
        assertThat(debit.amount()).as("stored positive, direction apart").isEqualTo(Money.of("480.00"));
        assertThat(debit.valueDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        ParsedStatement.Line quoted = statement.lines().get(2);
        assertThat(quoted.amount()).isEqualTo(Money.of("0.01"));
        assertThat(quoted.counterpartyName()).isEqualTo("某单位，财务部");
        assertThat(quoted.counterpartyAccount()).isNull();
        assertThat(quoted.remittance()).isEqualTo("附言含\"引号\"");
    }

    @Test
    void readsAGbkExportWithChineseNames() {
        String csv = HEADER + "2026-11-20,215.00,荆门市东宝区某某厂,420800000000009,缴费 ＨＺＢ－９,GBK0001\n";
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));
        assertThat(gbk).isNotEqualTo(csv.getBytes(StandardCharsets.UTF_8));

        ParsedStatement statement = CsvStatementReader.read(gbk);

        assertThat(statement.lines().getFirst().counterpartyName()).isEqualTo("荆门市东宝区某某厂");
        assertThat(statement.lines().getFirst().remittance()).isEqualTo("缴费 ＨＺＢ－９");
    }

    @Test
    void readsUtf8WithABomEnglishHeadersInAnyOrderAndCrLf() {
        String csv = "\uFEFFbankReference,amount,date,remittance\r\nE1,100.5,2026-11-20,HZB-1\r\n\r\nE2,-3,2026-11-20 09:30:00,\r\n";

        ParsedStatement statement = CsvStatementReader.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(statement.lines()).extracting(ParsedStatement.Line::bankReference).containsExactly("E1", "E2");
        assertThat(statement.lines().get(0).amount()).isEqualTo(Money.of("100.50"));
        assertThat(statement.lines().get(1).amount()).isEqualTo(Money.of("3.00"));
        assertThat(statement.lines().get(1).valueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(statement.lines().get(1).remittance()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            three decimals          | 2026-11-20,190.001,A,1,HZB-1,R1    | 第 2 行：金额格式不正确
            thousands separator     | 2026-11-20,"1,190.00",A,1,HZB-1,R1 | 第 2 行：金额格式不正确
            not a number            | 2026-11-20,abc,A,1,HZB-1,R1        | 第 2 行：金额格式不正确
            currency sign           | 2026-11-20,¥190.00,A,1,HZB-1,R1    | 第 2 行：金额格式不正确
            zero                    | 2026-11-20,0.00,A,1,HZB-1,R1       | 第 2 行：金额不能为 0
            no amount               | 2026-11-20,,A,1,HZB-1,R1           | 第 2 行：缺少金额
            impossible date         | 2026-02-30,190.00,A,1,HZB-1,R1     | 第 2 行：交易日期格式不正确
            no date                 | ,190.00,A,1,HZB-1,R1               | 第 2 行：缺少交易日期
            no bank reference       | 2026-11-20,190.00,A,1,HZB-1,       | 第 2 行：缺少银行流水号
            too few columns         | 2026-11-20,190.00,A                | 第 2 行：有 3 列，表头有 6 列
            unclosed quote          | 2026-11-20,190.00,"A,1,HZB-1,R1    | 第 2 行：引号没有闭合
            text after a quote      | 2026-11-20,190.00,"A"x,1,HZB-1,R1  | 第 2 行：引号后有多余的字符
            """)
    void refusesABadLineNamingIt(String label, String line, String message) {
        byte[] csv = (HEADER + line + "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CsvStatementReader.read(csv)).isInstanceOf(StatementFileException.class).hasMessageContaining(message);
    }

    @Test
    void namesTheLineOfTheFirstBadRowAfterGoodOnes() {
        String csv = HEADER + "2026-11-20,1.00,A,1,x,R1\n2026-11-20,2.00,A,1,x,R2\n2026-11-20,3.0.0,A,1,x,R3\n";

        assertThatThrownBy(() -> CsvStatementReader.read(csv.getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith("第 4 行");
    }

    @Test
    void refusesAFileWithoutTheNeededColumns() {
        byte[] csv = "日期,对方户名,摘要\n2026-11-20,某单位,HZB-1\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CsvStatementReader.read(csv)).isInstanceOf(StatementFileException.class)
                .hasMessageContaining("第 1 行（表头）缺少列：金额、银行流水号");
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutLines() {
        assertThatThrownBy(() -> CsvStatementReader.read("\n\n".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("文件为空");
        assertThatThrownBy(() -> CsvStatementReader.read(HEADER.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("没有流水行");
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorGbk() {
        byte[] bytes = {(byte) 0x80, (byte) 0xFF, (byte) 0xFE, 0x41, (byte) 0xFF};

        assertThatThrownBy(() -> CsvStatementReader.read(bytes)).isInstanceOf(StatementFileException.class)
                .hasMessageContaining("UTF-8 或 GBK");
    }
}
