import dev.footwork.testkit.JdbcDatabase;
import dev.footwork.testkit.PostgresServer;

/**
 * Creates the databases named on the command line on the PostgreSQL server that {@code
 * FOOTWORK_DB_URL} (its maintenance database), {@code FOOTWORK_DB_USER} and {@code
 * FOOTWORK_DB_PASSWORD} name, leaving existing ones as they are; prints {@code DATABASE <name>
 * <jdbc url>} for each. deploy/local/footwork runs it with the testkit classpath when the system
 * runs against such a server instead of the embedded one.
 */
public class EnsureDatabases {
    public static void main(String[] args) {
        String url = System.getenv("FOOTWORK_DB_URL");
        String user = System.getenv("FOOTWORK_DB_USER");
        String password = System.getenv().getOrDefault("FOOTWORK_DB_PASSWORD", "");
        if (url == null || url.isBlank() || user == null || user.isBlank()) {
            System.err.println("FOOTWORK_DB_URL and FOOTWORK_DB_USER must be set");
            System.exit(2);
        }
        PostgresServer server =
                PostgresServer.external(new JdbcDatabase(url.strip(), user, password));
        try {
            for (String name : args) {
                System.out.println(
                        "DATABASE " + name + " " + server.ensureDatabase(name).jdbcUrl());
            }
        } catch (RuntimeException e) {
            StringBuilder reasons = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                reasons.append("\n  ").append(t.getMessage());
            }
            System.err.println("Could not create the databases on " + url + ":" + reasons);
            System.exit(1);
        }
    }
}
