package jp.ikiiki.desk.deliverables;

import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The handover package for the next contractor (第9章1(4) 引継ぎ): one zip with the documentation (operations manual,
 * architecture, module documents), the data model of the running database (tables, columns, types, comments,
 * constraints, the applied Flyway migrations), the source revision the running build was made from, the
 * configuration in force without its secrets, and the deliverables still open as a checklist the city can tick.
 * Every package made is recorded in the audit trail with its SHA-256.
 */
public interface HandoverPackages {

	/**
	 * Builds the package from the state of this moment.
	 *
	 * @param channel the screen, API call or command, for the audit trail
	 */
	@PreAuthorize("hasRole('SECURITY_ADMIN')")
	HandoverPackage build(String channel);

	/**
	 * One package.
	 *
	 * @param fileName the zip's name ({@code 引継ぎパッケージ_yyyyMMdd-HHmm.zip}, Japan time)
	 * @param sha256   SHA-256 of the zip (hex), as the audit trail records it
	 * @param entries  the paths inside the zip, in order
	 * @param madeAt   when it was made
	 */
	record HandoverPackage(String fileName, String sha256, List<String> entries, Instant madeAt, byte[] content) {

		public static final String CONTENT_TYPE = "application/zip";
	}
}
