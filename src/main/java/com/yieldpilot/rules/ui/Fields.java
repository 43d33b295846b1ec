package com.yieldpilot.rules.ui;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.textfield.TextField;
import com.yieldpilot.rules.lang.Durations;
import org.jspecify.annotations.Nullable;

/**
 * Builder fields for values the rule language writes in its own way, such as durations.
 */
final class Fields {

	private Fields() {
	}

	/**
	 * A field for a duration such as {@code 2h}: a valid one goes to the consumer,
	 * anything else marks the field with what to write instead and changes nothing.
	 */
	static TextField duration(String label, @Nullable Duration value, Consumer<Duration> onValid) {
		TextField field = new TextField();
		field.setAriaLabel(label);
		field.setPlaceholder("2h");
		field.setValue((value != null) ? Durations.format(value) : "");
		field.addValueChangeListener(e -> {
			Optional<Duration> parsed = read(e.getValue());
			field.setInvalid(parsed.isEmpty());
			field.setErrorMessage(parsed.isEmpty() ? "A duration such as 30m, 2h or 7d" : null);
			parsed.ifPresent(onValid);
		});
		return field;
	}

	/** The field's duration, or null when it holds none. */
	static @Nullable Duration durationOrNull(TextField field) {
		return read(field.getValue()).orElse(null);
	}

	static Optional<Duration> read(String text) {
		return Durations.parse(text.strip()).filter(d -> Durations.problem(d).isEmpty());
	}

}
