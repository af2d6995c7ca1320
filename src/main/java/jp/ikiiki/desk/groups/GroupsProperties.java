package jp.ikiiki.desk.groups;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The activity groups' configuration ({@code ikiiki.groups}), documented in docs/operations.md.
 *
 * @param activityTypes the activity type codes a form may tick, with their points (the city's list)
 * @param claimTimeout  a keying pass of a form left untouched this long may be taken over
 * @param formImages    where the scanned forms are kept and what a file may be
 */
@Validated
@ConfigurationProperties("ikiiki.groups")
public record GroupsProperties(@NotEmpty List<@Valid ActivityTypeSetting> activityTypes, @NotNull Duration claimTimeout,
		@NotNull @Valid FormImages formImages) {

	public GroupsProperties {
		activityTypes = List.copyOf(activityTypes);
		long distinct = activityTypes.stream().map(ActivityTypeSetting::code).distinct().count();
		if (distinct != activityTypes.size()) {
			throw new IllegalArgumentException("ikiiki.groups.activity-types: a code is listed twice");
		}
	}

	/**
	 * One activity type.
	 *
	 * @param code   one or two upper-case letters
	 * @param label  the activity
	 * @param points 1, 2 or 4
	 */
	public record ActivityTypeSetting(@NotNull @Pattern(regexp = "[A-Z]{1,2}") String code, @NotNull String label,
			@Min(1) @Max(4) int points) {
	}

	/**
	 * @param dir      where the images are kept (outside the database)
	 * @param maxBytes the largest file
	 * @param maxPages the most pages of one form
	 */
	public record FormImages(@NotNull Path dir, @Min(1) long maxBytes, @Min(1) @Max(20) int maxPages) {
	}

	/** The configured activity types, in order. */
	public List<ActivityType> types() {
		return activityTypes.stream().map(t -> new ActivityType(t.code(), t.label(), t.points())).toList();
	}

	/** The type of a code. */
	public Optional<ActivityType> type(String code) {
		return types().stream().filter(t -> t.code().equals(code)).findFirst();
	}
}
