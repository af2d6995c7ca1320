package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JapaneseFontsTest {

	@ParameterizedTest
	@EnumSource(JapaneseFonts.Face.class)
	void aBundledFaceWritesJapaneseThatReadsBackFromThePdf(JapaneseFonts.Face face) throws Exception {
		TrueTypeFont font = JapaneseFonts.parse(face);
		assertThat(font.getUnicodeCmapLookup().getGlyphId('髙')).as("IPAex has 髙").isPositive();

		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(JapaneseFonts.load(document, font), 12);
				content.newLineAtOffset(72, 700);
				content.showText("広島市 髙橋 いきいきポイント");
				content.endText();
			}
			document.save(pdf);
		}
		try (PDDocument read = Loader.loadPDF(pdf.toByteArray())) {
			assertThat(new PDFTextStripper().getText(read)).contains("広島市 髙橋 いきいきポイント");
		}
		assertThat(pdf.size()).as("a subset is embedded, not the whole font").isLessThan(200_000);
	}
}
