package jp.ikiiki.desk.printing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import jp.ikiiki.desk.printing.PrintSamples;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/forms/{form}/sample.pdf} (issue 5 point 7): one page of a form for one subject. OPERATOR only. */
@RestController
@RequestMapping("/api/forms")
@Tag(name = "printing", description = "帳票の見本印刷 (sample pages of the print files)")
class FormSampleApi {

	private final PrintSamples samples;

	FormSampleApi(PrintSamples samples) {
		this.samples = samples;
	}

	@GetMapping("/{form}/sample.pdf")
	@Operation(summary = "One page of a form for one subject",
			description = "Filled from the subject's data; values the data does not hold yet (registeredMailNumber, "
					+ "ticketType, amount, refusalReason, mark, groupName, stampNumber, issueDate) come from the "
					+ "parameters of the same name. Audited as PRINT.")
	@ApiResponse(responseCode = "200", description = "the PDF")
	@ApiResponse(responseCode = "400", description = "a value the form needs is missing or invalid")
	@ApiResponse(responseCode = "404", description = "unknown form or subject")
	@ApiResponse(responseCode = "409", description = "characters await the city's decision; the list is in 'undecided'")
	ResponseEntity<byte[]> sample(@PathVariable String form,
			@Parameter(description = "宛名番号") @RequestParam String subject,
			@Parameter(description = "values for fields the subject's data lacks") @RequestParam Map<String, String> params) {
		Map<String, String> given = new HashMap<>(params);
		given.remove("subject");
		byte[] pdf = samples.sample(form, subject, given, "API:見本印刷");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline().filename(form + "-sample.pdf").build().toString())
				.body(pdf);
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
		return problem(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
	}

	@ExceptionHandler(PrintSamples.UndecidedCharactersException.class)
	ResponseEntity<ProblemDetail> undecided(PrintSamples.UndecidedCharactersException e) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		p.setProperty("undecided", e.undecided());
		return problem(p);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
		return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail p) {
		return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
	}
}
