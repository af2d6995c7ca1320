package jp.ikiiki.desk.subjects.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectSearch;
import jp.ikiiki.desk.subjects.SubjectSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Subject look-up for the city's and operators' automation; same roles and audit as the console. */
@RestController
@RequestMapping("/api/subjects")
@Tag(name = "subjects", description = "対象者検索 (subject look-up). Every call is written to the audit trail.")
class SubjectsApi {

	static final String SEARCH_CHANNEL = "GET /api/subjects";
	static final String DETAIL_CHANNEL = "GET /api/subjects/{addressNumber}";

	private final SubjectLookup lookup;

	SubjectsApi(SubjectLookup lookup) {
		this.lookup = lookup;
	}

	/**
	 * One search result.
	 *
	 * @param addressNumber    宛名番号
	 * @param managementNumber 申請書管理番号 (null if none)
	 * @param nameKana         氏名カナ
	 * @param nameKanji        氏名漢字
	 * @param birthDate        生年月日 (yyyy-MM-dd)
	 * @param ended            true if the subject is no longer in the city's current files
	 */
	record SubjectItem(String addressNumber, String managementNumber, String nameKana, String nameKanji,
			LocalDate birthDate, boolean ended) {

		static SubjectItem of(SubjectSummary s) {
			return new SubjectItem(s.addressNumber(), s.managementNumber(), s.nameKana(), s.nameKanji(), s.birthDate(),
					s.ended());
		}
	}

	@GetMapping
	@Operation(summary = "Search subjects",
			description = "All given criteria are combined with AND. q is a free search box: digits are a 宛名番号 or "
					+ "申請書管理番号, a date (1940/3/2, S15.3.2, 昭和15年3月2日) is the birth date, kana is a name prefix, "
					+ "anything else a fragment of the kanji name or the address. Ordered by kana name.")
	@ApiResponse(responseCode = "200", description = "the matching subjects (possibly none)")
	@ApiResponse(responseCode = "400", description = "limit or offset out of range")
	@ApiResponse(responseCode = "422", description = "no criterion, or a criterion that cannot be read (control characters, "
			+ "a date that does not exist, over 200 characters); the problem names the field. Audited")
	List<SubjectItem> search(
			@Parameter(description = "free text, as in the console's search box") @RequestParam(required = false) String q,
			@Parameter(description = "申請書管理番号, exact (scanner '*' frame tolerated)") @RequestParam(required = false) String managementNumber,
			@Parameter(description = "宛名番号, exact") @RequestParam(required = false) String addressNumber,
			@Parameter(description = "start of the kana name (width, hiragana, small kana and spaces ignored)") @RequestParam(required = false) String kana,
			@Parameter(description = "part of the kanji name (spaces ignored)") @RequestParam(required = false) String kanji,
			@Parameter(description = "birth date, western or era form") @RequestParam(required = false) String birthDate,
			@Parameter(description = "part of 住所, 方書 or 送付先") @RequestParam(required = false) String address,
			@Parameter(description = "results to return, 1–200") @RequestParam(defaultValue = "50") @Min(1) @Max(SubjectLookup.MAX_LIMIT) int limit,
			@Parameter(description = "results to skip") @RequestParam(defaultValue = "0") @Min(0) int offset) {
		var search = new SubjectSearch(q, managementNumber, addressNumber, kana, kanji, birthDate, address);
		return lookup.search(search, offset, limit, SEARCH_CHANNEL).stream().map(SubjectItem::of).toList();
	}

	@GetMapping("/{addressNumber}")
	@Operation(summary = "One subject", description = "Identity, addresses, care level, subsidy, booklet and points. "
			+ "bankAccount is present only for OPERATOR.")
	@ApiResponse(responseCode = "200", description = "the subject")
	@ApiResponse(responseCode = "404", description = "no subject with this 宛名番号 (also for text that is not one); audited")
	SubjectDetail find(@PathVariable String addressNumber) {
		return lookup.find(addressNumber, DETAIL_CHANNEL)
				.orElseThrow(() -> new NotFoundException("この宛名番号の対象者はいません"));
	}
}
