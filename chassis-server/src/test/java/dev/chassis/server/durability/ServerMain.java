package dev.chassis.server.durability;

import dev.chassis.server.ChassisServer;
import dev.chassis.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server as a child JVM for kill tests: {@code <data dir> <database url or "h2"> <examples dir>}. Prints
 * {@code ready <port> <researcher token>} once it listens, then serves until it is killed.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerConfig config = ServerConfig.defaults(Path.of(args[0])).withPort(0).withExamples(Path.of(args[2]))
                .withOfflinePacing(Duration.ofMillis(15), Duration.ofMillis(2)).withFailedAuthPerMinute(10_000)
                .withParticipantPerMinute(100_000);
        if (!args[1].equals("h2")) {
            config = config.withDatabaseUrl(args[1]);
        }
        ChassisServer server = ChassisServer.start(config, true);
        System.out.println("ready " + server.port() + " " + server.newResearcherToken().orElseThrow());
        System.out.flush();
        if (args.length > 3 && args[3].equals("exit")) { // a run that only records the classes a start loads (class data sharing)
            server.close();
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
