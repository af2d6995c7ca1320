package jp.ikiiki.desk.groups.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.Stamp;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.JapaneseFonts;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * What the stamps print: a Code 128 barcode label per stamp envelope (the stamp number, GS + 7 digits, read back when
 * the envelope is packed) and the group's registration notice (活動団体登録通知書, 第3章6: 郵便番号・住所・団体名・代表者名
 * and the stamp numbers). Characters the bundled font lacks print as 〓 (the text is never dropped silently: the
 * operator sees the mark).
 */
final class StampPrints {

	private static final float MM = 72f / 25.4f;

	private StampPrints() {
	}

	/** Labels on A4 sheets, 3 across and 8 down (70 × 37 mm), one per stamp: group name, number, barcode. */
	static byte[] labels(List<Stamp> stamps, Map<Long, String> groupNames) {
		TrueTypeFont ttf = JapaneseFonts.parse(JapaneseFonts.Face.GOTHIC);
		try (PDDocument doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
			PDType0Font font = JapaneseFonts.load(doc, ttf);
			float w = 70 * MM;
			float h = 37 * MM;
			float top = PDRectangle.A4.getHeight() - (297 - 8 * 37) / 2f * MM;
			PDPageContentStream cs = null;
			for (int i = 0; i < stamps.size(); i++) {
				if (i % 24 == 0) {
					if (cs != null) {
						cs.close();
					}
					PDPage page = new PDPage(PDRectangle.A4);
					doc.addPage(page);
					cs = new PDPageContentStream(doc, page);
				}
				Stamp s = stamps.get(i);
				int slot = i % 24;
				float x = (slot % 3) * w;
				float y = top - (slot / 3 + 1) * h;
				text(cs, font, ttf, 8, x + 5 * MM, y + h - 7 * MM, clip(groupNames.getOrDefault(s.groupId(), ""), 22));
				text(cs, font, ttf, 8, x + 5 * MM, y + h - 11 * MM, "団体番号 " + s.groupId() + "　スタンプ " + s.label());
				PDImageXObject code = barcode(doc, s.label(), 60 * MM, 12 * MM);
				cs.drawImage(code, x + 5 * MM, y + 8 * MM, 60 * MM, 12 * MM);
				text(cs, font, ttf, 9, x + 22 * MM, y + 4 * MM, s.label());
			}
			if (cs != null) {
				cs.close();
			}
			doc.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The registration notice of one group with its stamps, A4, one page. */
	static byte[] notice(GroupProfile g, List<Stamp> stamps, LocalDate issuedOn) {
		TrueTypeFont mincho = JapaneseFonts.parse(JapaneseFonts.Face.MINCHO);
		try (PDDocument doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
			PDType0Font font = JapaneseFonts.load(doc, mincho);
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			float left = 25 * MM;
			float y = PDRectangle.A4.getHeight() - 30 * MM;
			try (var cs = new PDPageContentStream(doc, page)) {
				String address = g.representative().address() == null ? "" : g.representative().address();
				text(cs, font, mincho, 11, left, y, clip(address, 40));
				text(cs, font, mincho, 12, left, y - 8 * MM, clip(g.name(), 36));
				text(cs, font, mincho, 12, left, y - 15 * MM, "代表者　" + clip(nz(g.representative().name()), 20) + "　様");
				text(cs, font, mincho, 10, PDRectangle.A4.getWidth() - 70 * MM, y - 30 * MM,
						JapaneseDates.toEraKanji(issuedOn));
				text(cs, font, mincho, 18, left + 45 * MM, y - 50 * MM, "活動団体登録通知書");
				text(cs, font, mincho, 11, left, y - 68 * MM,
						"あなたの団体を、いきいき活動ポイント事業の活動団体として登録しましたので通知します。");
				text(cs, font, mincho, 11, left, y - 84 * MM, "団体番号　" + g.id());
				text(cs, font, mincho, 11, left, y - 92 * MM, "団体名　　" + clip(g.name(), 36));
				float line = y - 106 * MM;
				text(cs, font, mincho, 11, left, line, "交付するスタンプ番号（" + stamps.size() + "個）");
				for (int i = 0; i < stamps.size(); i++) {
					Stamp s = stamps.get(i);
					float ly = line - (i + 1) * 14 * MM;
					text(cs, font, mincho, 12, left + 5 * MM, ly + 3 * MM, s.label());
					cs.drawImage(barcode(doc, s.label(), 50 * MM, 10 * MM), left + 40 * MM, ly, 50 * MM, 10 * MM);
				}
			}
			doc.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static PDImageXObject barcode(PDDocument doc, String content, float width, float height) throws IOException {
		try {
			BitMatrix m = new MultiFormatWriter().encode(content, BarcodeFormat.CODE_128, (int) (width * 4),
					(int) (height * 4), Map.of(EncodeHintType.MARGIN, 10));
			return LosslessFactory.createFromImage(doc, MatrixToImageWriter.toBufferedImage(m));
		} catch (WriterException e) {
			throw new IllegalStateException("barcode not encodable", e);
		}
	}

	private static void text(PDPageContentStream cs, PDType0Font font, TrueTypeFont ttf, float size, float x, float y,
			String text) throws IOException {
		cs.beginText();
		cs.setFont(font, size);
		cs.newLineAtOffset(x, y);
		cs.showText(printable(ttf, text));
		cs.endText();
	}

	/** The text with every character the font lacks as 〓. */
	static String printable(TrueTypeFont ttf, String text) {
		try {
			var cmap = ttf.getUnicodeCmapLookup();
			var sb = new StringBuilder();
			text.codePoints().forEach(cp -> {
				if (cp < 0x20 || cmap.getGlyphId(cp) == 0) {
					sb.append('〓');
				} else {
					sb.appendCodePoint(cp);
				}
			});
			return sb.toString();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String clip(String s, int max) {
		if (s == null) {
			return "";
		}
		return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
