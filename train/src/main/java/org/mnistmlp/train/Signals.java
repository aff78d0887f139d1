package org.mnistmlp.train;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * Handlers for operating-system signals (INT, TERM, HUP) through {@code sun.misc.Signal}, the JDK's
 * supported way (module {@code jdk.unsupported}) to catch them. It is reached by reflection only
 * because javac, compiling with {@code --release}, warns about every direct use, and no option turns
 * that warning off.
 */
public final class Signals {
    /**
     * A signal that arrived.
     *
     * @param name its name without "SIG": INT, TERM, HUP
     * @param number its number: 2, 15, 1 on Linux
     */
    public record Received(String name, int number) {}

    private Signals() {}

    /**
     * Runs {@code handler} instead of the JVM's default action when the signal named {@code name}
     * arrives. Returns false, leaving the default, if the platform lacks the signal or the JVM
     * reserves it (as with {@code -Xrs}).
     */
    static boolean handle(String name, Consumer<Received> handler) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Received received = new Received(name, (int) signalClass.getMethod("getNumber").invoke(signal));
            Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (self, method, args) -> dispatch(method, args, self, () -> handler.accept(received)));
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, proxy);
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    private static Object dispatch(Method method, Object[] args, Object self, Runnable onSignal) {
        switch (method.getName()) {
            case "handle" -> {
                onSignal.run();
                return null;
            }
            case "equals" -> {
                return self == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(self);
            }
            default -> {
                return "signal handler";
            }
        }
    }
}
