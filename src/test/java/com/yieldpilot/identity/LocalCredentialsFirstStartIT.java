package com.yieldpilot.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.yieldpilot.support.Http;
import com.yieldpilot.support.LocalCredentials;
import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Local mode's first start when the demo logins cannot be written (as on a full disk):
 * the start fails saying so and creates no user, so the next start, once the file can be
 * written, creates the demo users and their file together, instead of users whose secrets
 * nobody has.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalCredentialsFirstStartIT {

	@Test
	void aFirstStartThatCannotWriteTheDemoLoginsCreatesNoUserAndTheNextStartCreatesBoth(CapturedOutput output)
			throws IOException {
		Path home = TestHomes.create("credentials");
		// a non-empty folder where the file goes: neither deleted nor replaced
		Path blocker = Files.createDirectories(home.resolve("local-credentials.properties"));
		Files.writeString(blocker.resolve("in-the-way"), "x");

		assertThatThrownBy(() -> SecondApplication.start(home).close())
			.hasStackTraceContaining("Cannot write the demo logins to " + blocker)
			.hasStackTraceContaining("so no demo user was created. Free space on that disk, or set YIELDPILOT_HOME "
					+ "to another folder, and start YieldPilot again");
		assertThat(output.getOut()).doesNotContain("Demo logins, shown only this once");

		FileSystemUtils.deleteRecursively(blocker);
		try (ConfigurableApplicationContext node = SecondApplication.start(home)) {
			assertThat(output.getOut()).contains("Demo logins, shown only this once")
				.doesNotContain("the demo users exist but");
			LocalCredentials credentials = LocalCredentials.read(home);
			Http http = new Http(node.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			assertThat(http.get("/api/v1/me", credentials.farmerToken()).body()).contains("\"farmer\"");
			assertThat(http.get("/api/v1/me", credentials.adminToken()).body()).contains("ADMIN");
			assertThat(home.resolve("local-credentials.properties.next")).doesNotExist();
		}
	}

}
