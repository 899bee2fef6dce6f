package cn.tongyi.core.finance;

import cn.tongyi.core.export.Xlsx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The cash book of a period as a spreadsheet: CSV (UTF-8 with a byte-order mark, for Excel) or XLSX. */
final class CashBookExport {

    static final List<String> HEADER = List.of("日期 Date", "类别 Kind", "来源/项目 Source or item", "金额(分) Fen",
            "金额(元) CNY", "方式 Channel", "凭证 Reference", "摘要 Description", "收款人 Cash holder",
            "经手人 Recorded by", "更正 Corrects");

    private CashBookExport() {
    }

    static byte[] csv(List<CashBook.Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get())) {
            for (CashBook.Entry entry : entries) {
                printer.printRecord(cells(entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(List<CashBook.Entry> entries) {
        return Xlsx.sheet("现金日记账", HEADER, entries.stream().map(CashBookExport::cells).toList());
    }

    private static List<Object> cells(CashBook.Entry e) {
        return java.util.Arrays.asList(e.bookedOn().toString(), e.kind().name(), e.category(), e.amountFen(),
                Yuan.of(e.amountFen()), e.channel(), e.reference(), e.description(), e.receivedBy(), e.recordedBy(),
                e.corrects() == null ? null : e.corrects().toString());
    }
}
