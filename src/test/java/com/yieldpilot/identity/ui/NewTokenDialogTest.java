package com.yieldpilot.identity.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.yieldpilot.identity.ApiTokenId;
import com.yieldpilot.identity.ApiTokenRequest;
import com.yieldpilot.identity.ApiTokenSummary;
import com.yieldpilot.identity.IssuedApiToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form alone: the dialog takes a save callback, so no service or database is
 * involved.
 */
@ViewPackages(classes = NewTokenDialog.class)
class NewTokenDialogTest extends BrowserlessTest {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private final List<ApiTokenRequest> saved = new ArrayList<>();

	private final NewTokenDialog dialog = new NewTokenDialog(Clock.fixed(NOW, ZoneOffset.UTC), request -> {
		this.saved.add(request);
		return new IssuedApiToken(new ApiTokenSummary(ApiTokenId.random(), request.name(), "yp_abcd…", NOW,
				request.expiresAt(), null, null), "yp_the-secret");
	}, () -> {
	});

	@Test
	void emptyNameIsRefusedAndNothingIsSaved() {
		this.dialog.open();
		roundTrip();
		test(this.dialog.create).click();
		assertThat(this.saved).isEmpty();
		assertThat(this.dialog.name.isInvalid()).isTrue();
		assertThat(this.dialog.secret.isVisible()).isFalse();
	}

	@Test
	void savesTheRequestAndShowsTheSecretOnce() {
		this.dialog.open();
		roundTrip();
		test(this.dialog.name).setValue("  laptop script ");
		test(this.dialog.expiry).selectItem("30 days");
		test(this.dialog.create).click();

		assertThat(this.saved).singleElement().satisfies(request -> {
			assertThat(request.name()).isEqualTo("laptop script");
			assertThat(request.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
		});
		assertThat(this.dialog.secret.isVisible()).isTrue();
		assertThat(this.dialog.secret.getValue()).isEqualTo("yp_the-secret");
		assertThat(this.dialog.create.isVisible()).as("no second token from the same dialog").isFalse();
	}

	@Test
	void neverExpiringTokenHasNoExpiry() {
		this.dialog.open();
		roundTrip();
		test(this.dialog.name).setValue("ci");
		test(this.dialog.expiry).selectItem("Never");
		test(this.dialog.create).click();
		assertThat(this.saved).singleElement().extracting(ApiTokenRequest::expiresAt).isNull();
	}

}
