package jp.ikiiki.desk.deliverables.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.deliverables.WorkReport;
import jp.ikiiki.desk.shared.JapaneseFonts;
import jp.ikiiki.desk.shared.charts.ChartImages;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The work report as XLSX and PDF: the KPI table (目標, 実績, 達成, 実施内容, 今後の対策) in the shape of a KPI report,
 * the open days and hours, and two charts (answer rate per open day against 90 %, calls per hour).
 */
final class WorkReportFiles {

	static final String NO_DATA = "データなし";
	private static TrueTypeFont gothic;

	private WorkReportFiles() {
	}

	static String actual(WorkReport.Kpi k) {
		return k.actual() == null ? NO_DATA : k.actual().text();
	}

	static String achieved(WorkReport.Kpi k) {
		if (k.actual() == null) {
			return NO_DATA;
		}
		return k.actual().achieved() == null ? "—" : k.actual().achieved() ? "達成" : "未達成";
	}

	static String title(WorkReport r) {
		return "作業報告書 " + r.month().substring(0, 4) + "年" + Integer.parseInt(r.month().substring(5)) + "月分"
				+ (r.complete() ? "" : "（途中集計）");
	}

	static JFreeChart rateChart(WorkReport r) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (WorkReport.Day d : r.days()) {
			data.addValue(d.answerRate() == null ? null : d.answerRate() * 100, "応答率", String.valueOf(d.day().getDayOfMonth()));
		}
		JFreeChart chart = ChartFactory.createBarChart("開庁日ごとの応答率（%）", null, null, data,
				PlotOrientation.VERTICAL, false, false, false);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.getRangeAxis().setRange(0, 100);
		ValueMarker target = new ValueMarker(90);
		target.setPaint(ChartImages.TARGET);
		target.setStroke(new java.awt.BasicStroke(2f));
		plot.addRangeMarker(target);
		ChartImages.themed(chart);
		plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(2f);
		plot.getDomainAxis().setLabel("日");
		plot.getRenderer().setSeriesPaint(0, ChartImages.PRIMARY);
		return chart;
	}

	static JFreeChart hourChart(WorkReport r) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (WorkReport.Hour h : r.hours()) {
			data.addValue(h.received(), "受電", h.hour() + "時");
			data.addValue(h.answered(), "応答", h.hour() + "時");
		}
		JFreeChart chart = ChartImages.themed(ChartFactory.createBarChart("時間帯別の受電数・応答数（月計）", null, null,
				data, PlotOrientation.VERTICAL, true, false, false));
		chart.getCategoryPlot().getRenderer().setSeriesPaint(0, ChartImages.SECONDARY);
		chart.getCategoryPlot().getRenderer().setSeriesPaint(1, ChartImages.PRIMARY);
		return chart;
	}

	static byte[] xlsx(WorkReport r) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.createSheet("作業報告書");
			int row = 0;
			s.createRow(row++).createCell(0).setCellValue(title(r));
			s.createRow(row++).createCell(0).setCellValue("応答率の定義: " + (r.definition() == null ? "—" : r.definition()));
			row++;
			Row h = s.createRow(row++);
			String[] heads = { "項目", "根拠", "KPI目標", "KPI実績", "達成状況", "実施内容", "今後の対策" };
			for (int i = 0; i < heads.length; i++) {
				h.createCell(i).setCellValue(heads[i]);
			}
			for (WorkReport.Kpi k : r.kpis()) {
				Row x = s.createRow(row++);
				x.createCell(0).setCellValue(k.title());
				x.createCell(1).setCellValue(k.clause());
				x.createCell(2).setCellValue(k.target());
				x.createCell(3).setCellValue(actual(k));
				x.createCell(4).setCellValue(achieved(k));
				x.createCell(5).setCellValue(k.done() + (k.draft() ? "（前月からの下書き）" : ""));
				x.createCell(6).setCellValue(k.next());
			}
			int[] widths = { 28, 12, 16, 48, 10, 40, 40 };
			for (int i = 0; i < widths.length; i++) {
				s.setColumnWidth(i, widths[i] * 256);
			}
			Sheet days = wb.createSheet("開庁日別");
			Row dh = days.createRow(0);
			dh.createCell(0).setCellValue("日付");
			dh.createCell(1).setCellValue("受電数");
			dh.createCell(2).setCellValue("応答数");
			dh.createCell(3).setCellValue("応答率");
			int i = 1;
			for (WorkReport.Day d : r.days()) {
				Row x = days.createRow(i++);
				x.createCell(0).setCellValue(d.day().toString());
				x.createCell(1).setCellValue(d.received());
				x.createCell(2).setCellValue(d.answered());
				if (d.answerRate() != null) {
					x.createCell(3).setCellValue(d.answerRate());
				}
			}
			Sheet hours = wb.createSheet("時間帯別");
			Row hh = hours.createRow(0);
			hh.createCell(0).setCellValue("時");
			hh.createCell(1).setCellValue("受電数");
			hh.createCell(2).setCellValue("応答数");
			i = 1;
			for (WorkReport.Hour x : r.hours()) {
				Row y = hours.createRow(i++);
				y.createCell(0).setCellValue(x.hour());
				y.createCell(1).setCellValue(x.received());
				y.createCell(2).setCellValue(x.answered());
			}
			XSSFDrawing drawing = (XSSFDrawing) s.createDrawingPatriarch();
			int at = row + 1;
			for (JFreeChart chart : List.of(rateChart(r), hourChart(r))) {
				int picture = wb.addPicture(ChartImages.png(chart, 720, 300, 2), Workbook.PICTURE_TYPE_PNG);
				XSSFClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
				anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
				anchor.setCol1(0);
				anchor.setRow1(at);
				anchor.setCol2(4);
				anchor.setRow2(at + 16);
				drawing.createPicture(anchor, picture);
				at += 17;
			}
			wb.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException("work report XLSX cannot be written", e);
		}
	}

	static byte[] pdf(WorkReport r) {
		synchronized (WorkReportFiles.class) {
			if (gothic == null) {
				gothic = JapaneseFonts.parse(JapaneseFonts.Face.GOTHIC);
			}
			try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				PDType0Font font = JapaneseFonts.load(doc, gothic);
				PDRectangle a4 = PDRectangle.A4;
				float margin = 40;
				float width = a4.getWidth() - 2 * margin;
				List<String[]> lines = new ArrayList<>();
				for (WorkReport.Kpi k : r.kpis()) {
					lines.add(new String[] { "■ " + k.title() + "（" + k.clause() + "）", "b" });
					lines.add(new String[] { "KPI目標: " + k.target(), "" });
					lines.add(new String[] { "KPI実績: " + actual(k) + "　達成状況: " + achieved(k), "" });
					lines.add(new String[] { "実施内容: " + (k.done().isEmpty() ? "（記載なし）" : k.done())
							+ (k.draft() ? "（前月からの下書き）" : ""), "" });
					lines.add(new String[] { "今後の対策: " + (k.next().isEmpty() ? "（記載なし）" : k.next()), "" });
				}
				PDPage page = new PDPage(a4);
				doc.addPage(page);
				PDPageContentStream cs = new PDPageContentStream(doc, page);
				float y = a4.getHeight() - margin;
				cs.beginText();
				cs.setFont(font, 16);
				cs.newLineAtOffset(margin, y - 16);
				cs.showText(title(r));
				cs.endText();
				y -= 40;
				for (String[] line : lines) {
					for (String part : wrap(line[0], font, 10, width)) {
						if (y < margin + 14) {
							cs.close();
							page = new PDPage(a4);
							doc.addPage(page);
							cs = new PDPageContentStream(doc, page);
							y = a4.getHeight() - margin;
						}
						cs.beginText();
						cs.setFont(font, line[1].equals("b") ? 11 : 10);
						cs.newLineAtOffset(margin + (line[1].equals("b") ? 0 : 12), y - 11);
						cs.showText(part);
						cs.endText();
						y -= 15;
					}
					if (line[1].isEmpty() && line[0].startsWith("今後")) {
						y -= 6;
					}
				}
				cs.close();
				page = new PDPage(a4);
				doc.addPage(page);
				cs = new PDPageContentStream(doc, page);
				y = a4.getHeight() - margin;
				float h = width * 300 / 720;
				for (JFreeChart chart : List.of(rateChart(r), hourChart(r))) {
					PDImageXObject image = PDImageXObject.createFromByteArray(doc, ChartImages.png(chart, 720, 300, 2),
							"chart");
					cs.drawImage(image, margin, y - h, width, h);
					y -= h + 24;
				}
				cs.close();
				doc.save(out);
				return out.toByteArray();
			} catch (IOException e) {
				throw new UncheckedIOException("work report PDF cannot be written", e);
			}
		}
	}

	private static List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			String ch = cp == '\n' || cp == '\r' || cp == '\t' ? " " : new String(Character.toChars(cp));
			if (font.getStringWidth(line + ch) / 1000 * size > width - 12) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(ch);
			i += Character.charCount(cp);
		}
		lines.add(line.toString());
		return lines;
	}
}
