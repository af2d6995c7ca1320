package jp.ikiiki.desk.tally.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Checks a file before anything of it is kept: a PDF (by its header and by parsing it), not encrypted, with at least
 * one page and at most {@link ScanLimits#maxPages()}, no page side longer than {@link ScanLimits#maxPageMm()} and no
 * image larger than {@link ScanLimits#maxImagePixels()} — as declared by the PDF and, for JPEG images, as declared by
 * the JPEG itself, so that a small dictionary cannot hide a huge raster. Nothing is decoded or rendered here.
 */
public final class PdfCheck {

	private static final double MM_PER_POINT = 25.4 / 72;
	private static final int MAX_FORM_DEPTH = 8;

	private final ScanLimits limits;

	public PdfCheck(ScanLimits limits) {
		this.limits = limits;
	}

	/**
	 * The outcome: the page count, or the reason the file is refused.
	 *
	 * @param pages  pages, if accepted
	 * @param reason why refused, in Japanese; null if accepted
	 */
	public record Result(int pages, String reason) {

		static Result refused(String reason) {
			return new Result(0, reason);
		}

		/** True if the file may be kept. */
		public boolean accepted() {
			return reason == null;
		}
	}

	/** Checks the file at {@code file}. Never throws for a bad file: the reason says what is wrong. */
	public Result check(Path file) {
		return check(file, document -> {
		});
	}

	/**
	 * Checks the file and, if it is accepted, hands the open document to {@code accepted} (to read it without parsing
	 * it again). An exception from {@code accepted} propagates.
	 */
	public Result check(Path file, java.util.function.Consumer<PDDocument> accepted) {
		try {
			long size = Files.size(file);
			if (size == 0) {
				return Result.refused("空のファイルです");
			}
			if (size > limits.maxBytes()) {
				return Result.refused("ファイルが大きすぎます（" + (size >> 20) + " MB、上限 " + (limits.maxBytes() >> 20) + " MB）");
			}
			if (!startsWithPdfHeader(file)) {
				return Result.refused("PDFファイルではありません");
			}
		} catch (IOException e) {
			return Result.refused("ファイルを読めません");
		}
		boolean checked = false;
		try (PDDocument document = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
			if (document.isEncrypted()) {
				return Result.refused("暗号化（パスワード保護）されたPDFは取り込めません");
			}
			int pages = document.getNumberOfPages();
			if (pages == 0) {
				return Result.refused("ページがないPDFです");
			}
			if (pages > limits.maxPages()) {
				return Result.refused("ページ数が多すぎます（" + pages + "ページ、上限 " + limits.maxPages() + "ページ）");
			}
			int n = 0;
			for (PDPage page : document.getPages()) {
				n++;
				String problem = pageProblem(page);
				if (problem != null) {
					return Result.refused(n + "ページ目: " + problem);
				}
			}
			checked = true;
			accepted.accept(document);
			return new Result(pages, null);
		} catch (InvalidPasswordException e) {
			return Result.refused("暗号化（パスワード保護）されたPDFは取り込めません");
		} catch (IOException | RuntimeException e) {
			if (checked && e instanceof RuntimeException r) {
				throw r; // the caller's work on an accepted document failed: not the file's fault
			}
			// PDFBox throws various runtime exceptions on malformed structure.
			return Result.refused("PDFとして読めません（壊れているか、PDFではありません）");
		}
	}

	private static boolean startsWithPdfHeader(Path file) throws IOException {
		// Some producers put a few bytes before the header; the PDF specification allows it within the first 1024.
		byte[] head = new byte[1024];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		String s = new String(head, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1);
		return s.contains("%PDF-");
	}

	private String pageProblem(PDPage page) throws IOException {
		PDRectangle box = page.getMediaBox();
		double widthMm = Math.abs(box.getWidth()) * MM_PER_POINT;
		double heightMm = Math.abs(box.getHeight()) * MM_PER_POINT;
		if (widthMm > limits.maxPageMm() || heightMm > limits.maxPageMm()) {
			return "ページが大きすぎます（" + Math.round(widthMm) + "×" + Math.round(heightMm) + " mm、上限 "
					+ limits.maxPageMm() + " mm）";
		}
		if (widthMm < 1 || heightMm < 1) {
			return "ページの大きさがありません";
		}
		return imageProblem(page.getResources(), 0, new HashSet<>());
	}

	private String imageProblem(PDResources resources, int depth, Set<Object> seen) throws IOException {
		if (resources == null) {
			return null;
		}
		if (depth > MAX_FORM_DEPTH) {
			return "入れ子が深すぎます";
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject x = resources.getXObject(name);
			if (x == null || !seen.add(x.getCOSObject())) {
				continue; // shared or circular: checked once
			}
			if (x instanceof PDImageXObject image) {
				String problem = imageSizeProblem(image);
				if (problem != null) {
					return problem;
				}
			} else if (x instanceof PDFormXObject form) {
				String problem = imageProblem(form.getResources(), depth + 1, seen);
				if (problem != null) {
					return problem;
				}
			}
		}
		return null;
	}

	private String imageSizeProblem(PDImageXObject image) throws IOException {
		long declared = (long) image.getWidth() * image.getHeight();
		if (image.getWidth() <= 0 || image.getHeight() <= 0) {
			return "画像の大きさが不正です";
		}
		if (declared > limits.maxImagePixels()) {
			return tooLarge(image.getWidth(), image.getHeight());
		}
		if ("jpg".equals(image.getSuffix())) {
			// Every filter but the JPEG's own is undone: what remains is the JPEG as its decoder will see it.
			try (InputStream raw = image.createInputStream(java.util.List.of(COSName.DCT_DECODE.getName()))) {
				int[] size = JpegSize.of(raw);
				if (size != null && (long) size[0] * size[1] > limits.maxImagePixels()) {
					return tooLarge(size[0], size[1]);
				}
			}
		}
		return null;
	}

	private String tooLarge(int width, int height) {
		return "画像が大きすぎます（" + width + "×" + height + " 画素、上限 " + limits.maxImagePixels() / 1_000_000 + " 百万画素）";
	}
}
