package fr.mutualite.cqp.emfgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.GenPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Generates the Java code of one part (model or edit) of an EMF genmodel into a bundle's
 * {@code src-gen/} folder, outside Eclipse. The generator writes into a scratch folder that
 * stands for the Eclipse workspace; only the Java sources are copied to {@code src-gen/} (and,
 * for the edit part, the item icons to {@code icons/full/}), which are emptied first, so that
 * the result depends on the genmodel alone. Fails when the genmodel
 * has errors or when nothing was generated.
 *
 * <p>Usage: {@code GenerateEmfCode <genmodel> model|edit <bundle folder>}; with
 * {@code -Demfgen.keep=true} the scratch folder (plugin.xml, plugin.properties...) is kept.
 */
public final class GenerateEmfCode {

	private GenerateEmfCode() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3 || !List.of("model", "edit").contains(args[1])) {
			throw new IllegalArgumentException("Usage: GenerateEmfCode <genmodel> model|edit <bundle folder>");
		}
		Path genmodelFile = Path.of(args[0]).toAbsolutePath().normalize();
		boolean edit = args[1].equals("edit");
		Path bundle = Path.of(args[2]).toAbsolutePath().normalize();
		Path scratch = Files.createTempDirectory("emfgen");
		try {
			GenModel genModel = load(genmodelFile);
			String directory = edit ? genModel.getEditDirectory() : genModel.getModelDirectory();
			// "/<project>/<folder>": the project is mapped to the scratch folder.
			String project = URI.createURI(directory).segment(0);
			Path projectFolder = scratch.resolve(project);
			EcorePlugin.getPlatformResourceMap().put(project, URI.createFileURI(projectFolder + "/"));

			Generator generator = new Generator();
			generator.setInput(genModel);
			Diagnostic result = generator.generate(genModel,
					edit ? GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE : GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
					new BasicMonitor());
			if (result.getSeverity() == Diagnostic.ERROR) {
				throw new IllegalStateException("EMF generation failed: " + result);
			}
			Path generated = projectFolder.resolve(directory.substring(project.length() + 2));
			Path target = bundle.resolve("src-gen");
			int count = copyJavaSources(generated, target);
			if (count == 0) {
				throw new IllegalStateException("EMF generated no Java source into " + generated);
			}
			if (edit) {
				// The item providers' images: icons/full/obj16/<Class>.gif
				copyTree(projectFolder.resolve("icons/full"), bundle.resolve("icons/full"));
			}
			System.out.println("[emfgen] " + count + " " + args[1] + " sources generated into " + target);
		} finally {
			if (Boolean.getBoolean("emfgen.keep")) {
				System.out.println("[emfgen] scratch folder kept: " + scratch);
			} else {
				delete(scratch);
			}
		}
	}

	private static GenModel load(Path genmodelFile) {
		Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
		Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());
		EcorePackage.eINSTANCE.eClass();
		GenModelPackage.eINSTANCE.eClass();
		// Without this registration the generator finds no adapter, writes nothing and reports OK.
		GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
				GenModelGeneratorAdapterFactory.DESCRIPTOR);
		ResourceSet resourceSet = new ResourceSetImpl();
		URI uri = URI.createFileURI(genmodelFile.toString());
		GenModel settings = (GenModel) resourceSet.getResource(uri, true).getContents().get(0);
		// The genmodel file holds settings only: its classes and features come from the .ecore.
		List<EPackage> ePackages = settings.getGenPackages().stream().map(GenPackage::getEcorePackage).toList();
		GenModel genModel = GenModelFactory.eINSTANCE.createGenModel();
		genModel.initialize(ePackages);
		new ResourceSetImpl().createResource(uri).getContents().add(genModel);
		genModel.reconcile(settings);
		genModel.setCanGenerate(true);
		Diagnostic diagnostic = genModel.diagnose();
		if (diagnostic.getSeverity() == Diagnostic.ERROR) {
			throw new IllegalStateException("The genmodel " + genmodelFile + " has errors: " + diagnostic);
		}
		return genModel;
	}

	private static int copyJavaSources(Path from, Path to) throws IOException {
		return copy(from, to, p -> p.toString().endsWith(".java"));
	}

	private static int copyTree(Path from, Path to) throws IOException {
		return copy(from, to, Files::isRegularFile);
	}

	private static int copy(Path from, Path to, Predicate<Path> which) throws IOException {
		delete(to);
		if (!Files.isDirectory(from)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(from)) {
			List<Path> sources = files.filter(which).toList();
			for (Path source : sources) {
				Path copy = to.resolve(from.relativize(source).toString());
				Files.createDirectories(copy.getParent());
				Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			return sources.size();
		}
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}
}
