package jp.ikiiki.desk.deliverables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import jp.ikiiki.desk.deliverables.HandoverPackages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The handover package for the next contractor (第9章1(4)), made at each call and audited. */
@RestController
@RequestMapping("/api/handover")
@Tag(name = "handover", description = "引継ぎパッケージ (第9章1(4)): documents, data model, source revision, "
		+ "configuration without secrets, open deliverables as a checklist.")
class HandoverApi {

	private final HandoverPackages packages;

	HandoverApi(HandoverPackages packages) {
		this.packages = packages;
	}

	@GetMapping("/package")
	@PreAuthorize("hasRole('SECURITY_ADMIN')")
	@Operation(summary = "The handover package (zip)", description = "Made from the state of this moment; its "
			+ "SHA-256 in the header X-Content-SHA256 and in the audit trail.")
	ResponseEntity<byte[]> handoverPackage() {
		HandoverPackages.HandoverPackage pkg = packages.build("GET /api/handover/package");
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(HandoverPackages.HandoverPackage.CONTENT_TYPE))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(pkg.fileName(), StandardCharsets.UTF_8).build()
								.toString())
				.header("X-Content-SHA256", pkg.sha256()).body(pkg.content());
	}
}
