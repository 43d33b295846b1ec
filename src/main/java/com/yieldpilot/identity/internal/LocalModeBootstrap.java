package com.yieldpilot.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.identity.ApiTokenRequest;
import com.yieldpilot.identity.LocalCredentialsFile;
import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.NewUser;
import com.yieldpilot.platform.YieldPilotHome;
import com.yieldpilot.platform.logging.RedactingMessageConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local mode's first start: a demo farmer and an admin with random passwords and one API
 * token each. The four secrets are printed once and written to
 * {@code local-credentials.properties} in the home folder, readable by its owner only.
 * The file is written, and flushed to disk, inside the transaction that creates the
 * users: a file that cannot be written (a full disk) leaves no user behind whose secrets
 * nobody has, and a start stopped in between creates both again. Later starts find the
 * users and only say where the file is.
 */
@Component
@Profile("local")
@Order(0)
class LocalModeBootstrap implements ApplicationRunner, LocalCredentialsFile {

	static final String FARMER = "farmer";

	static final String ADMIN = "admin";

	static final String FILE_NAME = "local-credentials.properties";

	private static final Logger log = LoggerFactory.getLogger(LocalModeBootstrap.class);

	private static final Logger credentialsLog = LoggerFactory
		.getLogger(RedactingMessageConverter.LOCAL_CREDENTIALS_LOGGER);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final UserAccounts accounts;

	private final TokenIssuer tokens;

	private final YieldPilotHome home;

	private final TransactionTemplate transactions;

	private final Environment environment;

	LocalModeBootstrap(UserAccounts accounts, TokenIssuer tokens, YieldPilotHome home, TransactionTemplate transactions,
			Environment environment) {
		this.environment = environment;
		this.accounts = accounts;
		this.tokens = tokens;
		this.home = home;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		Path file = this.home.root().resolve(FILE_NAME);
		if (this.accounts.findByUsername(FARMER).isPresent()) {
			if (Files.exists(file)) {
				log.info("Local mode: the demo logins are in {}", file);
			}
			else {
				log.warn("Local mode: the demo users exist but {} is gone. To get new demo logins, stop YieldPilot "
						+ "and delete the folder {}", file, this.home.root());
			}
			return;
		}
		Map<String, String> credentials = this.transactions.execute(status -> {
			Map<String, String> created = createDemoUsers();
			List<String> lines = new ArrayList<>(
					List.of("# YieldPilot local mode demo logins. Keep this file private."));
			created.forEach((key, value) -> lines.add(key + "=" + value));
			try {
				replace(file, lines);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the demo logins to " + file + " (" + ex
						+ "), so no demo user was created. Free space on that disk, or set YIELDPILOT_HOME to another "
						+ "folder, and start YieldPilot again", ex);
			}
			return created;
		});
		String port = this.environment.getProperty("local.server.port", "8080");
		credentialsLog.info("""

				==================== YieldPilot local mode ====================
				Demo logins, shown only this once and kept in {}
				  farmer: {} / {}
				  farmer API token: {}
				  admin:  {} / {}
				  admin API token:  {}
				Open http://localhost:{}/ or try: curl -H "Authorization: Bearer <token>" http://localhost:{}/api/v1/me
				================================================================""", file, FARMER,
				credentials.get("farmer.password"), credentials.get("farmer.token"), ADMIN,
				credentials.get("admin.password"), credentials.get("admin.token"), port, port);
	}

	@Override
	public synchronized void put(String key, String value) {
		if (key.isBlank() || key.contains("=") || key.contains("\n") || value.contains("\n")) {
			throw new IllegalArgumentException("Not a one-line property: " + key);
		}
		Path file = this.home.root().resolve(FILE_NAME);
		if (!Files.exists(file)) {
			throw new IllegalStateException(file + " does not exist");
		}
		try {
			List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
			lines.removeIf((line) -> line.startsWith(key + "="));
			lines.add(key + "=" + value);
			replace(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot update " + file, ex);
		}
	}

	/**
	 * Replaces the file with these lines: written beside it, owner-only, flushed to disk
	 * and moved over it, so a reader, or a start after a crash, never sees half a file.
	 */
	private static void replace(Path file, List<String> lines) throws IOException {
		Path next = file.resolveSibling(FILE_NAME + ".next");
		Files.deleteIfExists(next);
		createOwnerOnly(next);
		try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer bytes = StandardCharsets.UTF_8.encode(String.join("\n", lines) + "\n");
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			channel.force(true);
		}
		Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private Map<String, String> createDemoUsers() {
		Map<String, String> credentials = new LinkedHashMap<>();
		create(FARMER, Set.of(Role.FARMER), credentials);
		create(ADMIN, Set.of(Role.ADMIN, Role.FARMER), credentials);
		return credentials;
	}

	private void create(String username, Set<Role> roles, Map<String, String> credentials) {
		String password = randomPassword();
		UserAccount account = this.accounts.bootstrap(new NewUser(username, password, roles));
		String token = this.tokens.issue(account.id(), new ApiTokenRequest("local mode", null)).secret();
		credentials.put(username + ".username", username);
		credentials.put(username + ".password", password);
		credentials.put(username + ".token", token);
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	private static void createOwnerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
	}

}
