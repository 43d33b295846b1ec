package com.yieldpilot.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.LocalCredentials;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

class LocalModeIT extends ApplicationIT {

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void credentialsFileIsReadableByItsOwnerOnlyAndHoldsAllSixKeys() throws Exception {
		Path file = HOME.resolve("local-credentials.properties");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		LocalCredentials credentials = credentials();
		assertThat(credentials.farmerUsername()).isEqualTo("farmer");
		assertThat(credentials.adminUsername()).isEqualTo("admin");
		assertThat(credentials.farmerPassword()).hasSizeGreaterThanOrEqualTo(20);
		assertThat(credentials.adminPassword()).isNotEqualTo(credentials.farmerPassword());
		assertThat(credentials.farmerToken()).startsWith("yp_").isNotEqualTo(credentials.adminToken());
	}

	@Test
	void demoPasswordsAreStoredAsArgon2HashesThatMatch() {
		LocalCredentials credentials = credentials();
		String hash = this.users.loadUserByUsername("farmer").getPassword();
		assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$")
			.doesNotContain(credentials.farmerPassword());
		assertThat(this.passwords.matches(credentials.farmerPassword(), hash)).isTrue();
		assertThat(this.passwords.matches(credentials.adminPassword(), hash)).isFalse();
	}

	@Test
	void adminTokenCarriesTheAdminRole() {
		assertThat(http().get("/api/v1/me", credentials().adminToken()).body()).contains("ADMIN");
	}

}
