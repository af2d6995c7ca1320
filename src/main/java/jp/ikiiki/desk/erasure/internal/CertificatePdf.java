package jp.ikiiki.desk.erasure.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.erasure.ErasureCertificate;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.JapaneseFonts;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The erasure certificate (第11章1(6)) as an A4 PDF in IPAex Gothic: who requested and who confirmed, when, the counts
 * per kind before and after, what was kept and why, the method, and the SHA-256 of every table afterwards.
 */
@Component
class CertificatePdf {

	private static final float MARGIN = 48;
	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
	private static TrueTypeFont gothic;

	byte[] render(ErasureCertificate c) {
		synchronized (CertificatePdf.class) {
			if (gothic == null) {
				gothic = JapaneseFonts.parse(JapaneseFonts.Face.GOTHIC);
			}
			try (PDDocument document = new PDDocument()) {
				document.getDocumentInformation().setTitle("データ消去証明書 第" + c.id() + "号");
				document.getDocumentInformation().setCreator("いきいきデスク");
				new Writer(document, JapaneseFonts.load(document, gothic)).write(c);
				var bytes = new ByteArrayOutputStream(64 * 1024);
				document.save(bytes);
				return bytes.toByteArray();
			} catch (IOException e) {
				throw new UncheckedIOException("certificate PDF cannot be written", e);
			}
		}
	}

	private static String time(Instant t) {
		return t == null ? "—" : JapaneseDates.toWesternTimestamp(t);
	}

	private static final class Writer {
		private final PDDocument document;
		private final PDType0Font font;
		private PDPageContentStream out;
		private float y;
		private int pages;

		Writer(PDDocument document, PDType0Font font) {
			this.document = document;
			this.font = font;
		}

		void write(ErasureCertificate c) throws IOException {
			newPage();
			centred("データ消去証明書", 18);
			y -= 8;
			line("第" + c.id() + "号　　発行：" + time(c.finishedAt()), 10, Color.DARK_GRAY);
			y -= 6;
			paragraph("高齢者いきいき活動ポイント事業及び要支援・要介護高齢者外出支援交通費助成に係る業務委託契約の仕様書"
					+ "第11章1(5)(6)に基づき、発注者から提供を受けたデータ及び業務で作成した個人データを、"
					+ "データ復元ソフトウェア等を用いても復元できないよう消去したことを証明します。", 10.5f);
			y -= 6;
			heading("1　実施の概要");
			row(new String[] {"消去の理由", c.reason()}, new float[] {110, WIDTH - 110}, 9.5f);
			row(new String[] {"依頼者（情報管理責任者）", c.requestedBy() + "　" + time(c.requestedAt())}, new float[] {110, WIDTH - 110}, 9.5f);
			row(new String[] {"確認・実行者（第二の情報管理責任者）", c.confirmedBy() + "　" + time(c.confirmedAt())},
					new float[] {110, WIDTH - 110}, 9.5f);
			row(new String[] {"消去の開始・完了", time(c.startedAt()) + "　〜　" + time(c.finishedAt())
					+ (c.attempts() > 1 ? "（" + c.attempts() + " 回の実行で完了）" : "")}, new float[] {110, WIDTH - 110}, 9.5f);
			row(new String[] {"件数の合計", "消去前 " + c.totalBefore() + "　／　消去後 " + c.totalAfter()},
					new float[] {110, WIDTH - 110}, 9.5f);
			heading("2　消去したデータ（種類ごとの件数）");
			float[] cols = {70, 235, 80, 57, 57};
			row(new String[] {"業務", "種類", "場所", "消去前", "消去後"}, cols, 9, true);
			for (var k : c.kinds()) {
				row(new String[] {k.module(), k.label(), k.place(), k.before() + k.unit(),
						k.after() == null ? "—" : k.after() + k.unit()}, cols, 8.5f, false);
			}
			heading("3　消去の方法");
			for (String p : c.method().split("\n")) {
				paragraph(p, 9);
			}
			heading("4　保持したもの（個人データを含まないもの）と理由");
			float[] kept = {200, WIDTH - 200};
			row(new String[] {"保持したもの", "理由"}, kept, 9, true);
			for (var k : c.kept()) {
				row(new String[] {k.what(), k.why()}, kept, 8.5f, false);
			}
			heading("5　消去後のデータベースの状態（テーブルごとの SHA-256）");
			float[] hash = {150, 50, WIDTH - 200};
			row(new String[] {"テーブル", "行数", "SHA-256"}, hash, 8.5f, true);
			for (var h : c.hashes()) {
				row(new String[] {h.name(), String.valueOf(h.rows()), h.sha256()}, hash, 7, false);
			}
			y -= 18;
			ensure(60);
			line("依頼者　" + c.requestedBy() + "　　　　確認・実行者　" + c.confirmedBy(), 10.5f, Color.BLACK);
			y -= 10;
			line("情報管理責任者　署名：＿＿＿＿＿＿＿＿＿＿＿＿　　　確認者　署名：＿＿＿＿＿＿＿＿＿＿＿＿", 10, Color.BLACK);
			out.close();
			footers("データ消去証明書 第" + c.id() + "号");
		}

		private void newPage() throws IOException {
			if (out != null) {
				out.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			out = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
			pages++;
		}

		private void ensure(float h) throws IOException {
			if (y - h < MARGIN + 20) {
				newPage();
			}
		}

		private void centred(String s, float size) throws IOException {
			ensure(size + 8);
			float w = font.getStringWidth(s) / 1000 * size;
			text(s, MARGIN + (WIDTH - w) / 2, y - size, size, Color.BLACK);
			y -= size + 8;
		}

		private void heading(String s) throws IOException {
			y -= 10;
			ensure(40);
			line(s, 12, Color.BLACK);
		}

		private void line(String s, float size, Color colour) throws IOException {
			ensure(size + 6);
			text(s, MARGIN, y - size, size, colour);
			y -= size + 6;
		}

		private void paragraph(String s, float size) throws IOException {
			for (String l : wrap(s, size, WIDTH)) {
				line(l, size, Color.BLACK);
			}
		}

		private void row(String[] cells, float[] widths, float size) throws IOException {
			row(cells, widths, size, false);
		}

		/** A table row with wrapped cells and a frame. */
		private void row(String[] cells, float[] widths, float size, boolean header) throws IOException {
			var wrapped = new ArrayList<List<String>>();
			int lines = 1;
			for (int i = 0; i < cells.length; i++) {
				var w = wrap(cells[i] == null ? "—" : cells[i], size, widths[i] - 6);
				wrapped.add(w);
				lines = Math.max(lines, w.size());
			}
			float h = lines * (size + 3) + 6;
			ensure(h);
			float x = MARGIN;
			out.setStrokingColor(Color.GRAY);
			out.setLineWidth(0.5f);
			for (int i = 0; i < cells.length; i++) {
				if (header) {
					out.setNonStrokingColor(new Color(0xEE, 0xEE, 0xEE));
					out.addRect(x, y - h, widths[i], h);
					out.fill();
				}
				out.addRect(x, y - h, widths[i], h);
				out.stroke();
				float ty = y - 3;
				for (String l : wrapped.get(i)) {
					text(l, x + 3, ty - size, size, Color.BLACK);
					ty -= size + 3;
				}
				x += widths[i];
			}
			y -= h;
		}

		private void text(String s, float x, float baseline, float size, Color colour) throws IOException {
			out.beginText();
			out.setNonStrokingColor(colour);
			out.setFont(font, size);
			out.newLineAtOffset(x, baseline);
			out.showText(s);
			out.endText();
		}

		private List<String> wrap(String s, float size, float width) throws IOException {
			var lines = new ArrayList<String>();
			var current = new StringBuilder();
			for (int i = 0; i < s.length(); ) {
				int cp = s.codePointAt(i);
				String ch = new String(Character.toChars(cp));
				if (font.getStringWidth(current + ch) / 1000 * size > width && current.length() > 0) {
					lines.add(current.toString());
					current.setLength(0);
				}
				current.append(ch);
				i += Character.charCount(cp);
			}
			lines.add(current.toString());
			return lines;
		}

		private void footers(String title) throws IOException {
			int n = 0;
			for (PDPage page : document.getPages()) {
				n++;
				try (var f = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
					f.beginText();
					f.setNonStrokingColor(Color.GRAY);
					f.setFont(font, 8);
					f.newLineAtOffset(MARGIN, MARGIN - 24);
					f.showText(title + "　" + n + " / " + pages);
					f.endText();
				}
			}
		}
	}
}
