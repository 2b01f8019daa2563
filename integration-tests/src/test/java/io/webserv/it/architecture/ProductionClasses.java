package io.webserv.it.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The classes the architecture rules check: every production class under {@code io.webserv}, from the
 * modules' jars (or {@code target/classes} in a reactor build), without test code. Imported once per
 * test run; importing is the slow part of ArchUnit.
 */
final class ProductionClasses {

    static final String ROOT_PACKAGE = "io.webserv";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages(ROOT_PACKAGE);

    private ProductionClasses() {
    }

    static JavaClasses get() {
        return CLASSES;
    }
}
