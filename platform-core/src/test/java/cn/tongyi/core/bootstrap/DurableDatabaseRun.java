package cn.tongyi.core.bootstrap;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A launcher's embedded database in a JVM of its own, for a test to kill: starts {@link EmbeddedDatabase#durable} on
 * the data directory given first, stores the note given second, says READY and runs until its standard input ends.
 */
public final class DurableDatabaseRun {

    private DurableDatabaseRun() {
    }

    public static void main(String... args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.durable(Path.of(args[0]));
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
                Statement statement = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO note VALUES (?)")) {
            statement.execute("CREATE TABLE IF NOT EXISTS note (text text NOT NULL)");
            insert.setString(1, args[1]);
            insert.executeUpdate();
        }
        System.out.println("READY");
        System.in.read();
        database.stop();
    }
}
