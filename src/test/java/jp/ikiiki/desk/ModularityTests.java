package jp.ikiiki.desk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure (STYLE.md): no cycles, no reaching into another module's internals; docs in docs/modules. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(IkiikiDeskApplication.class);

	@Test
	void modules_only_use_each_others_public_api_and_have_no_cycles() {
		modules.verify();
	}

	@Test
	void writes_the_module_documentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
				.writeModulesAsPlantUml()
				.writeIndividualModulesAsPlantUml()
				.writeModuleCanvases();
	}
}
