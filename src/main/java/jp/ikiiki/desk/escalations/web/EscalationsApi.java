package jp.ikiiki.desk.escalations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Escalated cases for floor managers and the city; the city answers with its instruction. Every call is audited.
 * Refusals are RFC 9457 problems from the application's one advice: 404 for an unknown case, 409 for a step the
 * case's state does not allow, 422 for bad input.
 */
@RestController
@RequestMapping("/api/escalations")
@Tag(name = "escalations", description = "エスカレーション (cases waiting for the city's instruction, 第6章1(3))")
class EscalationsApi {

	static final String LIST_CHANNEL = "GET /api/escalations";
	static final String INSTRUCTION_CHANNEL = "POST /api/escalations/{id}/instruction";

	private final Escalations escalations;

	EscalationsApi(Escalations escalations) {
		this.escalations = escalations;
	}

	/**
	 * A case as the API shows it: no caller number.
	 *
	 * @param daysOpen           open days since it was opened (until closed)
	 * @param daysWaitingForCity open days since it was reported, while waiting for the instruction; else null
	 * @param stale              at the configured alert threshold
	 */
	record CaseItem(long id, String state, String stateLabel, String subjectId, String category, String inquiry,
			Instant openedAt, String openedBy, Instant reportedAt, String report, Instant instructedAt,
			String instructedBy, String instruction, Instant calledBackAt, Instant closedAt, int daysOpen,
			Integer daysWaitingForCity, String ageing, boolean stale) {

		static CaseItem of(EscalationCase c) {
			return new CaseItem(c.id(), c.state().name(), c.state().label(), c.subjectId(), c.category(), c.inquiry(),
					at(c.opened()), c.opened().by(), at(c.reported()), text(c.reported()), at(c.instructed()),
					c.instructed() == null ? null : c.instructed().by(), text(c.instructed()), at(c.calledBack()),
					at(c.closed()), c.daysOpen(), c.daysWaitingForCity(), c.ageing().name(), c.ageing().stale());
		}

		private static Instant at(EscalationCase.Step s) {
			return s == null ? null : s.at();
		}

		private static String text(EscalationCase.Step s) {
			return s == null ? null : s.text();
		}
	}

	/** @param instruction the city's instruction, not blank, at most 4,000 characters */
	record InstructionRequest(String instruction) {
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	@Operation(summary = "List cases", description = "Oldest first. state: OPEN, REPORTED, INSTRUCTED, CALLED_BACK, "
			+ "CLOSED; stale=true keeps the cases at the alert threshold.")
	@ApiResponse(responseCode = "200", description = "the cases (possibly none)")
	@ApiResponse(responseCode = "422", description = "unknown state")
	List<CaseItem> list(@Parameter(description = "only this state") @RequestParam(required = false) String state,
			@Parameter(description = "only stale cases") @RequestParam(defaultValue = "false") boolean stale) {
		return escalations.list(state(state), stale, LIST_CHANNEL).stream().map(CaseItem::of).toList();
	}

	@PostMapping("/{id}/instruction")
	@PreAuthorize("hasRole('CITY_STAFF')")
	@Operation(summary = "Record the city's instruction", description = "Moves a case reported to the city (REPORTED) "
			+ "to INSTRUCTED, recording who and when.")
	@ApiResponse(responseCode = "200", description = "the case after the step")
	@ApiResponse(responseCode = "404", description = "no such case")
	@ApiResponse(responseCode = "409", description = "the case is not waiting for an instruction")
	@ApiResponse(responseCode = "422", description = "blank or too long instruction")
	CaseItem instruct(@PathVariable long id, @RequestBody InstructionRequest body) {
		return CaseItem.of(escalations.instruct(id, body == null ? null : body.instruction(), INSTRUCTION_CHANNEL));
	}

	private static EscalationState state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return EscalationState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException("state",
					"state は OPEN, REPORTED, INSTRUCTED, CALLED_BACK, CLOSED のいずれかです: " + state);
		}
	}
}
