package jp.ikiiki.desk.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import jp.ikiiki.desk.postal.Bar;
import jp.ikiiki.desk.postal.CustomerBarcode;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintItem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bundled form rendered as the printer gets it: PDF → {@code pdftoppm -r 300 -png} → every barcode decoded from
 * the image (ZXing, the area the layout gives it) and compared with the data; the customer barcode read back bar by bar
 * from the image; the text checked with PDFTextStripper. The PNGs stay in {@code target/printing-samples} to look at.
 */
class RenderedPagesTest {

	static final int DPI = 300;
	static final Path OUT = Path.of("target/printing-samples");
	static FormLayouts layouts;
	static final FormRenderer renderer = new FormRenderer();

	@BeforeAll
	static void load() throws Exception {
		layouts = FormLayouts.load(null);
		Files.createDirectories(OUT);
	}

	/** One sample person (a made-up name and the customer-barcode manual's address). */
	static PrintItem sample(String form) {
		Map<String, String> f = new HashMap<>();
		f.put(PrintFields.NAME, "広島　花子");
		f.put(PrintFields.NAME_KANA, "ヒロシマ　ハナコ");
		f.put(PrintFields.POSTCODE, "263-0023");
		f.put(PrintFields.ADDRESS, "千葉市稲毛区緑町3丁目30-8");
		f.put(PrintFields.ADDRESS_EXTRA, "郵便ビル403号");
		f.put(PrintFields.APPLICATION_NUMBER, "2024000123");
		f.put(PrintFields.ISSUE_DATE, "令和8年9月1日");
		switch (form) {
			case "booklet-cover" -> f.put(PrintFields.MARK, PrintFields.MARK_REISSUE);
			case "grant-notice" -> {
				f.put(PrintFields.REGISTERED_MAIL_NUMBER, "123-45-67890-5");
				f.put(PrintFields.TICKET_TYPE, "バス・電車券");
				f.put(PrintFields.AMOUNT, "10,000");
			}
			case "non-grant-notice" -> f.put(PrintFields.REFUSAL_REASON,
					"申請日時点で要支援・要介護の認定を受けていないため。認定を受けた後に改めて申請してください。");
			case "group-registration-notice" -> {
				f.put(PrintFields.GROUP_NAME, "緑町いきいき体操の会");
				f.put(PrintFields.REPRESENTATIVE, "広島　花子");
				f.put(PrintFields.STAMP_NUMBER, "A-0123");
			}
			case "points-notice", "account-form" -> f.putAll(pointsFields());
			case "account-reminder" -> {
				f.put(PrintFields.BUSINESS_YEAR, "令和7年度分");
				f.put(PrintFields.PAYMENT_AMOUNT, "3,000");
				f.put(PrintFields.NOTICE_NOTE, "口座登録用紙のご提出がまだ確認できません。");
			}
			default -> {
			}
		}
		return new PrintItem("100000001", f);
	}

	/** The figures of a points notice (別紙3 cols 55–75 of a made-up year) and the names of two check-up kinds. */
	static Map<String, String> pointsFields() {
		Map<String, String> f = new HashMap<>();
		f.put(PrintFields.BUSINESS_YEAR, "令和7年度分");
		f.put(PrintFields.POINTS_4P, "88");
		f.put(PrintFields.POINTS_2P, "20");
		f.put(PrintFields.CHECKUP_POINTS, "6");
		f.put(PrintFields.POINTS_1P, "10");
		f.put(PrintFields.TOTAL_POINTS, "124");
		f.put(PrintFields.CAP_POINTS, "100");
		f.put(PrintFields.CREDITED_POINTS, "100");
		f.put(PrintFields.PAYMENT_AMOUNT, "10,000");
		f.put(PrintFields.VOID_STAMPS, "2");
		f.put(PrintFields.NOTICE_NOTE, "獲得ポイントが上限ポイントを超えたため、上限ポイント分をお支払いします。口座が未登録のため、同封の口座登録用紙をご返送ください。");
		for (int k = 1; k <= PrintFields.CHECKUP_KINDS; k++) {
			f.put(PrintFields.checkupPoints(k), k == 1 ? "2" : k == 14 ? "4" : "0");
			f.put(PrintFields.checkupLabel(k), k == 1 ? "特定健康診査" : k == 14 ? "後期高齢者歯科健診" : "受診" + k);
		}
		return f;
	}

	@ParameterizedTest
	@ValueSource(strings = { "booklet-cover", "subsidy-application", "grant-notice", "non-grant-notice",
			"cover-letter", "booklet-issue-notice", "group-registration-notice", "points-notice", "account-form" })
	void every_barcode_of_the_rendered_page_decodes_to_its_data_and_the_text_is_there(String form) throws Exception {
		FormLayout layout = layouts.get(form);
		PrintItem item = sample(form);
		Path pdf = OUT.resolve(form + ".pdf");
		try (OutputStream out = Files.newOutputStream(pdf)) {
			renderer.render(layout, List.of(item), DecisionSet.NONE, out);
		}
		List<BufferedImage> sides = new ArrayList<>();
		for (int side = 1; side <= layout.sides(); side++) {
			sides.add(rasterise(pdf, OUT.resolve(layout.sides() == 1 ? form : form + "-side" + side), side));
		}

		for (FormLayout.Barcode b : layout.barcodes()) {
			String value = item.fields().get(b.field());
			String expected = b.stripHyphens() ? value.replace("-", "") : value;
			assertThat(decode(sides.get(b.side() - 1), b)).as(form + " " + b.field()).isEqualTo(expected);
		}
		if (layout.customerBarcode() != null) {
			CustomerBarcode expected = renderer.customerBarcode(item);
			assertThat(expected.printable()).isTrue();
			assertThat(readCustomerBarcode(sides.get(layout.customerBarcode().side() - 1), layout.customerBarcode()))
					.as(form + " customer barcode").isEqualTo(expected.bars());
		}
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			assertThat(doc.getNumberOfPages()).isEqualTo(layout.sides());
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
			for (FormLayout.Text t : layout.texts()) {
				String filled = t.fill(item.fields()::get).replaceAll("\\s", "");
				assertThat(text).as(form + " text " + t.template()).contains(filled);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "grant-notice" })
	void a_wrong_barcode_value_is_caught_by_the_decoding(String form) throws Exception {
		FormLayout layout = layouts.get(form);
		Map<String, String> f = new HashMap<>(sample(form).fields());
		f.put(PrintFields.APPLICATION_NUMBER, "2024000124");
		Path pdf = OUT.resolve(form + "-other.pdf");
		try (OutputStream out = Files.newOutputStream(pdf)) {
			renderer.render(layout, List.of(new PrintItem("1", f)), DecisionSet.NONE, out);
		}
		BufferedImage page = rasterise(pdf, OUT.resolve(form + "-other"));
		assertThat(decode(page, layout.barcodes().get(0))).isNotEqualTo("2024000123");
		CustomerBarcode other = CustomerBarcode.of("2630023", "千葉市稲毛区緑町3丁目30-9　郵便ビル403号");
		assertThat(readCustomerBarcode(page, layout.customerBarcode())).isNotEqualTo(other.bars());
	}

	static BufferedImage rasterise(Path pdf, Path prefix) throws Exception {
		return rasterise(pdf, prefix, 1);
	}

	/** One page of the PDF (1-based) at {@link #DPI}, kept as {@code <prefix>.png}. */
	static BufferedImage rasterise(Path pdf, Path prefix, int page) throws Exception {
		Process p = new ProcessBuilder("pdftoppm", "-r", String.valueOf(DPI), "-png", "-f", String.valueOf(page), "-l",
				String.valueOf(page), "-singlefile", pdf.toString(), prefix.toString()).redirectErrorStream(true).start();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
		return ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
	}

	/** Decodes the barcode in the area the layout gives it (with a quiet zone around). */
	static String decode(BufferedImage page, FormLayout.Barcode b) throws Exception {
		int x = px(b.xMm() - 5);
		int y = px(b.yMm() - 2);
		int w = Math.min(page.getWidth() - x, px(85));
		int h = px(b.heightMm() + 4);
		BufferedImage area = page.getSubimage(Math.max(0, x), Math.max(0, y), w, h);
		Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.POSSIBLE_FORMATS,
				List.of(BarcodeFormat.valueOf(b.symbology())), DecodeHintType.TRY_HARDER, true);
		Result r = new MultiFormatReader().decode(
				new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(area))), hints);
		return r.getText();
	}

	/**
	 * Reads the customer barcode back from the image: the bars are found on the row through the timing band, then each
	 * bar's top and bottom are measured and classified in bar-width units.
	 */
	static List<Bar> readCustomerBarcode(BufferedImage page, FormLayout.CustomerBarcodeBlock c) {
		double unitPx = c.unitMm() / 25.4 * DPI;
		int top = px(c.yMm());
		int middle = (int) Math.round(top + 3 * unitPx);
		int from = px(c.xMm() - 3);
		int to = px(c.xMm() + c.widthMm() + 3);
		List<Bar> bars = new ArrayList<>();
		int x = from;
		while (x < to) {
			if (!dark(page, x, middle)) {
				x++;
				continue;
			}
			int start = x;
			while (x < to && dark(page, x, middle)) {
				x++;
			}
			int centre = (start + x) / 2;
			int y0 = middle;
			while (dark(page, centre, y0 - 1)) {
				y0--;
			}
			int y1 = middle;
			while (dark(page, centre, y1 + 1)) {
				y1++;
			}
			long up = Math.round((middle - y0) / unitPx);
			long down = Math.round((y1 - middle) / unitPx);
			bars.add(up >= 2 ? (down >= 2 ? Bar.LONG : Bar.SEMI_LONG_UPPER) : (down >= 2 ? Bar.SEMI_LONG_LOWER : Bar.TIMING));
		}
		return bars;
	}

	static boolean dark(BufferedImage img, int x, int y) {
		if (x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight()) {
			return false;
		}
		int rgb = img.getRGB(x, y);
		int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
		return grey < 128;
	}

	static int px(double mm) {
		return (int) Math.round(mm / 25.4 * DPI);
	}
}
