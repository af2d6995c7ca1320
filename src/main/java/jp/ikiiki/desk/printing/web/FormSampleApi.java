package jp.ikiiki.desk.printing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.Map;
import jp.ikiiki.desk.printing.PrintSamples;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/forms/{form}/sample.pdf}: one page of a form for one subject, for the test print the city agrees
 * to (第3章). OPERATOR only. Refusals are problem details from the application's one error handler (404 unknown form
 * or subject, 409 with {@code undecided} when characters await the city's decision, 422 naming the parameter).
 */
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
	@ApiResponse(responseCode = "422", description = "a value the form needs is missing or invalid (parameter named in field)")
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
}
