package jp.ikiiki.desk.groups.internal;

import jp.ikiiki.desk.groups.GroupsProperties;
import jp.ikiiki.desk.keying.ScanFiles;
import org.springframework.stereotype.Component;

/**
 * The scanned registration, change and deletion forms (第10章2: 届出書のイメージデータ), one PDF per form, under
 * {@code ikiiki.groups.form-images.dir}.
 */
@Component
class FormImages extends ScanFiles {

	FormImages(GroupsProperties properties) {
		super(properties.formImages().dir(), properties.formImages().maxBytes(), properties.formImages().maxPages(),
				"届出書", false);
	}
}
