package jp.ikiiki.desk.payments.internal;

import jp.ikiiki.desk.keying.ScanFiles;
import jp.ikiiki.desk.payments.PaymentsProperties;
import org.springframework.stereotype.Component;

/**
 * The scanned 口座登録用紙 (第10章3: 口座登録用紙のデータ化), one file per form — the form and the bankbook copy — under
 * {@code ikiiki.payments.form-images.dir}: a PDF, or a PNG/JPEG/TIFF image for a scanner that writes images.
 */
@Component
class AccountFormImages extends ScanFiles {

	AccountFormImages(PaymentsProperties properties) {
		super(properties.formImages().dir(), properties.formImages().maxBytes(), properties.formImages().maxPages(),
				"口座登録用紙", true);
	}
}
