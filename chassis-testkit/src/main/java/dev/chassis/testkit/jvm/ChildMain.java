package dev.chassis.testkit.jvm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * A child JVM's entry point: {@code ChildMain <parent pid> <main class> <its arguments>} watches the parent and halts
 * this JVM when the parent is gone (a test JVM killed with SIGKILL runs no shutdown hook to destroy its children), then
 * runs the main class. The watch polls the parent's process handle, which also tells a reused pid from the parent.
 */
public final class ChildMain {

    /** The exit status of a child whose parent died first (128 + SIGHUP, what a terminal's children get). */
    public static final int PARENT_GONE = 129;

    private ChildMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: ChildMain <parent pid> <main class> [arguments]");
            System.exit(2);
        }
        ProcessHandle.of(Long.parseLong(args[0])).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(PARENT_GONE)),
                () -> Runtime.getRuntime().halt(PARENT_GONE));
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName(args[1]), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(Arrays.copyOfRange(args, 2, args.length));
    }
}
