package com.yieldpilot.platform;

import java.net.http.HttpResponse;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local mode keeps everything across a restart: users, tokens, and the credentials file.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIT {

	@Test
	void dataCreatedBeforeARestartIsStillThereAfterIt(CapturedOutput output) throws Exception {
		Path home = TestHomes.create("restart");
		String secret;
		LocalCredentials first;
		try (ConfigurableApplicationContext app = start(home)) {
			first = LocalCredentials.read(home);
			HttpResponse<String> created = http(app).post("/api/v1/tokens", first.farmerToken(),
					"{\"name\":\"survives restart\"}");
			assertThat(created.statusCode()).isEqualTo(201);
			secret = created.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
		}
		int firstStartLog = output.length();

		try (ConfigurableApplicationContext app = start(home)) {
			Http http = http(app);
			assertThat(http.get("/api/v1/tokens", first.farmerToken()).body()).contains("survives restart");
			assertThat(http.get("/api/v1/me", secret).statusCode()).isEqualTo(200);
			assertThat(http.get("/api/v1/me", first.adminToken()).body()).contains("\"username\":\"admin\"");
		}
		// the logins stay; the local chain's URL follows anvil to its new port
		assertThat(LocalCredentials.read(home)).as("the demo users are created once").isEqualTo(first);
		String secondStartLog = output.toString().substring(firstStartLog);
		assertThat(secondStartLog).contains("the demo logins are in")
			.as("secrets are printed on the first start only")
			.doesNotContain(first.farmerPassword(), first.farmerToken(), first.adminPassword());
	}

	private static ConfigurableApplicationContext start(Path home) {
		return SecondApplication.start(home);
	}

	private static Http http(ConfigurableApplicationContext app) {
		return new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0")));
	}

}
