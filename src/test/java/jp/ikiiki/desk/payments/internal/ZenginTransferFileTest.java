package jp.ikiiki.desk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.payments.ZenginText;
import org.junit.jupiter.api.Test;

class ZenginTransferFileTest {

	static final ZenginTransferFile.Header HEADER = new ZenginTransferFile.Header("1234567890", "ﾋﾛｼﾏｼ", LocalDate.of(2026,
			7, 15), "0169", "ﾋﾛｼﾏ", "001", "ﾎﾝﾃﾝ", 1, "7654321");
	static final ZenginTransferFile.Data ONE = new ZenginTransferFile.Data("9900", "ﾕｳﾁﾖ", "418", "ﾖﾝｲﾁﾊﾁ", 1, "1234567",
			"ｷﾖｳ ｼﾖ-ﾀ", 7_500, "0000700001", '7');
	static final ZenginTransferFile.Data TWO = new ZenginTransferFile.Data("0001", "ﾐｽﾞﾎ", "001",
			"ﾄｳｷﾖｳ ｴｲｷﾞﾖｳﾌﾞ ﾄｸﾍﾞﾂ ﾅｶﾞｲﾅﾏｴ", 4, "0000001", "ﾔﾏﾀﾞ ﾀﾛｳ", 10_000, "0000700002", '7');

	@Test
	void records_hold_each_field_at_its_place_padded_as_the_format_says() {
		byte[] file = ZenginTransferFile.write(HEADER, List.of(ONE), false);
		assertThat(file).hasSize(4 * 120);
		String header = ZenginText.fromJisX0201(file, 0, 120);
		assertThat(header).isEqualTo("1210" + "1234567890" + pad("ﾋﾛｼﾏｼ", 40) + "0715" + "0169" + pad("ﾋﾛｼﾏ", 15) + "001"
				+ pad("ﾎﾝﾃﾝ", 15) + "1" + "7654321" + " ".repeat(17));
		String data = ZenginText.fromJisX0201(file, 120, 120);
		assertThat(data).isEqualTo("2" + "9900" + pad("ﾕｳﾁﾖ", 15) + "418" + pad("ﾖﾝｲﾁﾊﾁ", 15) + "    " + "1" + "1234567"
				+ pad("ｷﾖｳ ｼﾖ-ﾀ", 30) + "0000007500" + "0" + "0000700001" + " ".repeat(10) + "7" + " ".repeat(8));
		assertThat(ZenginText.fromJisX0201(file, 240, 120)).isEqualTo("8" + "000001" + "000000007500" + " ".repeat(101));
		assertThat(ZenginText.fromJisX0201(file, 360, 120)).isEqualTo("9" + " ".repeat(119));
	}

	@Test
	void a_code_that_is_not_digits_or_too_long_is_refused() {
		var letters = new ZenginTransferFile.Data("00A1", "ﾐｽﾞﾎ", "001", "ﾄｳｷﾖｳ", 1, "0000001", "ﾔﾏﾀﾞ", 100, "", '7');
		var tooLong = new ZenginTransferFile.Data("0001", "ﾐｽﾞﾎ", "001", "ﾄｳｷﾖｳ", 1, "12345678", "ﾔﾏﾀﾞ", 100, "", '7');
		assertThatThrownBy(() -> ZenginTransferFile.write(HEADER, List.of(letters), true))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ZenginTransferFile.write(HEADER, List.of(tooLong), true))
				.isInstanceOf(IllegalArgumentException.class);
	}

	private static String pad(String s, int width) {
		return s + " ".repeat(width - s.length());
	}

	@Test
	void every_record_is_120_bytes_with_crlf_and_the_file_reads_back_field_by_field() {
		byte[] file = ZenginTransferFile.write(HEADER, List.of(ONE, TWO), true);
		assertThat(file).hasSize(5 * 122);
		for (int i = 0; i < 5; i++) {
			assertThat(file[i * 122 + 120]).isEqualTo((byte) '\r');
			assertThat(file[i * 122 + 121]).isEqualTo((byte) '\n');
		}
		ZenginTransferFile.Parsed p = ZenginTransferFile.parse(file);
		assertThat(p.header().code()).isEqualTo("1234567890");
		assertThat(p.header().name()).isEqualTo("ﾋﾛｼﾏｼ");
		assertThat(p.header().transferDay().getMonthValue()).isEqualTo(7);
		assertThat(p.header().transferDay().getDayOfMonth()).isEqualTo(15);
		assertThat(p.header().accountNumber()).isEqualTo("7654321");
		assertThat(p.data().get(0)).isEqualTo(ONE);
		assertThat(p.data().get(1).branchName()).isEqualTo("ﾄｳｷﾖｳ ｴｲｷﾞﾖｳﾌﾞ");
		assertThat(p.data().get(1).accountType()).isEqualTo(4);
		assertThat(p.trailerCount()).isEqualTo(2);
		assertThat(p.trailerSumYen()).isEqualTo(17_500);
	}

	@Test
	void without_line_ends_the_records_follow_each_other() {
		byte[] file = ZenginTransferFile.write(HEADER, List.of(ONE), false);
		assertThat(file).hasSize(3 * 120 + 120);
		assertThat(file[0]).isEqualTo((byte) '1');
		assertThat(file[120]).isEqualTo((byte) '2');
		assertThat(file[240]).isEqualTo((byte) '8');
		assertThat(file[360]).isEqualTo((byte) '9');
		assertThat(ZenginTransferFile.parse(file).data()).containsExactly(ONE);
	}

	@Test
	void half_width_kana_are_single_jis_x_0201_bytes() {
		byte[] file = ZenginTransferFile.write(HEADER, List.of(ONE), true);
		// 受取人名 starts at byte 50 of the data record: ｷ = 0xB7
		assertThat(file[122 + 50] & 0xFF).isEqualTo(0xB7);
		assertThat(new String(file, 122 + 80, 10, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("0000007500");
	}

	@Test
	void a_zero_amount_and_a_broken_file_are_refused() {
		var zero = new ZenginTransferFile.Data("0001", "ﾐｽﾞﾎ", "001", "ﾄｳｷﾖｳ", 1, "0000001", "ﾔﾏﾀﾞ", 0, "", '7');
		assertThatThrownBy(() -> ZenginTransferFile.write(HEADER, List.of(zero), true))
				.isInstanceOf(IllegalArgumentException.class);
		byte[] file = ZenginTransferFile.write(HEADER, List.of(ONE), true);
		assertThatThrownBy(() -> ZenginTransferFile.parse(java.util.Arrays.copyOf(file, file.length - 1)))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
