package dev.chassis.bench.talk;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A flight recording of one stretch of a driver's run, for where the process's CPU goes: the JDK's "profile" settings
 * (allocation samples, GC, locks) plus CPU-time samples of every thread, native code included, about a thousand a second.
 * Read with {@code jfr view hot-methods FILE} or {@code jfr print --events jdk.CPUTimeSample FILE}.
 */
final class FlightRecording {

    private FlightRecording() {
    }

    static Recording start() throws IOException, ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.enable("jdk.CPUTimeSample").with("throttle", "1ms");
        recording.start();
        return recording;
    }

    static void stop(Recording recording, Path file) throws IOException {
        recording.stop();
        recording.dump(file);
        recording.close();
    }
}
