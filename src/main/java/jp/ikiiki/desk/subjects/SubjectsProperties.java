package jp.ikiiki.desk.subjects;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the subjects module.
 *
 * @param ticketTypes the subsidy ticket types (利用券種) a city file may name, exactly as written there
 *                    (at most 40 characters each, the width of {@code subject.ticket_type}); a cell with any
 *                    other value rejects its row
 * @param lookupConcurrency how many look-ups run against the database at once; further ones wait their turn in
 *                    arrival order. 0: twice the processors. Letting every agent's search reach PostgreSQL at
 *                    once only makes the backends compete for the same cores (see the look-up benchmark)
 */
@Validated
@ConfigurationProperties("ikiiki.subjects")
public record SubjectsProperties(@NotEmpty List<@NotBlank @Size(max = 40) String> ticketTypes,
		@Min(0) int lookupConcurrency) {

	public SubjectsProperties {
		ticketTypes = ticketTypes == null ? List.of() : List.copyOf(ticketTypes);
	}

	/** {@link #lookupConcurrency()} with 0 resolved. */
	public int effectiveLookupConcurrency() {
		return lookupConcurrency > 0 ? lookupConcurrency : 2 * Runtime.getRuntime().availableProcessors();
	}
}
