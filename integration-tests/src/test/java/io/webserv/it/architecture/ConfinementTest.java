package io.webserv.it.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.webserv.it.architecture.Layer.CGI;
import static io.webserv.it.architecture.Layer.CONFIG;
import static io.webserv.it.architecture.Layer.HTTP_CODEC;
import static io.webserv.it.architecture.Layer.NET_CORE;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/**
 * Which module may touch which part of the JDK or which library: sockets and the Selector belong to
 * net-core, processes to cgi, Jackson to config; the codec and net-core are reusable alone (STYLE.md,
 * "A layout that shows the architecture").
 */
class ConfinementTest {

    private static final String SLF4J = "org.slf4j..";

    private final JavaClasses classes = ProductionClasses.get();

    /** Mirrors the enforcer's bannedDependencies of both poms: the JDK and slf4j-api, nothing else. */
    @Test
    void codecAndNetCoreDependOnlyOnTheJdkAndSlf4j() {
        for (Layer layer : new Layer[] {HTTP_CODEC, NET_CORE}) {
            classes().that().resideInAPackage(layer.packages())
                    .should().onlyDependOnClassesThat().resideInAnyPackage(layer.packages(), "java..", SLF4J)
                    .because(layer.artifact() + " must be reusable alone, without third-party jars")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /** The codec never sees a socket: bytes go in and out as ByteBuffers. */
    @Test
    void codecUsesNoChannelsOrSockets() {
        DescribedPredicate<JavaClass> sockets = resideInAPackage("java.net")
                .and(simpleNameStartingWith("Socket")
                        .or(simpleNameStartingWith("ServerSocket"))
                        .or(simpleNameStartingWith("DatagramSocket")))
                .as("java.net sockets");
        noClasses().that().resideInAPackage(HTTP_CODEC.packages())
                .should().dependOnClassesThat().resideInAPackage("java.nio.channels..")
                .orShould().dependOnClassesThat(sockets)
                .because("the codec parses and serializes ByteBuffers and does no I/O (STYLE.md, practice 1)")
                .check(classes);
    }

    @Test
    void selectorAndSocketChannelsAreUsedOnlyInNetCore() {
        noClasses().that().resideOutsideOfPackage(NET_CORE.packages())
                .should().dependOnClassesThat(assignableTo(Selector.class)
                        .or(assignableTo(SelectionKey.class))
                        .or(assignableTo(SocketChannel.class))
                        .or(assignableTo(ServerSocketChannel.class)))
                .because("only the event loop of net-core touches the Selector and its channels (SPEC §7)")
                .check(classes);
    }

    /**
     * One exception, by name: {@code webserv -s reload} must send SIGHUP to the running server, which
     * the JDK cannot do ({@code ProcessHandle} sends only SIGTERM and SIGKILL), so server-app's
     * {@code HangupSignal} runs the shell's {@code kill}. It starts no server work and reads nothing.
     */
    @Test
    void processesAreStartedOnlyInCgi() {
        noClasses().that().resideOutsideOfPackage(CGI.packages())
                .and().doNotHaveFullyQualifiedName("io.webserv.server.HangupSignal")
                .should().dependOnClassesThat(assignableTo(ProcessBuilder.class).or(assignableTo(Process.class)))
                .orShould().callMethodWhere(target(owner(assignableTo(Runtime.class))).and(target(name("exec"))))
                .because("process management belongs to the cgi module")
                .check(classes);
    }

    @Test
    void jacksonIsUsedOnlyInConfig() {
        noClasses().that().resideOutsideOfPackage(CONFIG.packages())
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("the config file format is config's business; the other modules see its model")
                .check(classes);
    }
}
