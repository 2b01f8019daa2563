package io.webserv.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** Coding rules that hold across modules. */
class CodingRulesTest {

    /** The command line entry point: the one class that may print to the console. */
    static final String MAIN = "io.webserv.server.Main";

    private final JavaClasses classes = ProductionClasses.get();

    @Test
    void onlyMainUsesStandardStreams() {
        DescribedPredicate<JavaClass> notMain = DescribedPredicate.describe("are not " + MAIN,
                javaClass -> !javaClass.getName().equals(MAIN) && !javaClass.getName().startsWith(MAIN + "$"));
        noClasses().that(notMain)
                .should(ACCESS_STANDARD_STREAMS)
                .because("the server logs through slf4j; only the command line prints (usage, errors at start)")
                .check(classes);
    }

    @Test
    void configModelIsImmutable() {
        fields().that().areDeclaredInClassesThat().resideInAPackage("io.webserv.config.model..")
                .should().beFinal()
                .because("the parsed configuration is shared by every reactor thread")
                .allowEmptyShould(true)
                .check(classes);
    }
}
