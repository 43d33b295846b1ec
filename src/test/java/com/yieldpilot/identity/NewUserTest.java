package com.yieldpilot.identity;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NewUserTest {

	@Test
	void normalizesUsernameToLowerCase() {
		assertThat(new NewUser(" Alice ", "correct horse battery", Set.of(Role.FARMER)).username()).isEqualTo("alice");
	}

	@Test
	void rejectsShortPasswordWithAMessageThatSaysTheMinimum() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NewUser("alice", "short", Set.of(Role.FARMER)))
			.withMessageContaining("at least 12");
	}

	@Test
	void rejectsUsernamesWithCharactersOutsideTheAllowedSet() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NewUser("al'; drop table", "correct horse battery", Set.of(Role.FARMER)))
			.withMessageContaining("lower-case letters");
	}

	@Test
	void neverPrintsThePassword() {
		assertThat(new NewUser("alice", "correct horse battery", Set.of(Role.FARMER)).toString())
			.doesNotContain("correct horse battery");
	}

}
