package fr.mutualite.cqp.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EcoreFactory;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.change.ChangeDescription;
import org.eclipse.emf.ecore.change.util.ChangeRecorder;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

/**
 * The EMF runtime inside OSGi, used as the metamodel will use it: a small certification model
 * saved to and loaded from an XMI file, changes recorded and reverted, edit commands undone.
 */
class EmfRuntimeTest {

	@TempDir
	Path tmp;

	private final EcoreFactory ecore = EcoreFactory.eINSTANCE;
	private final EClass certification = ecore.createEClass();
	private final EClass domain = ecore.createEClass();
	private final EAttribute code = ecore.createEAttribute();
	private final EAttribute title = ecore.createEAttribute();
	private final EReference domains = ecore.createEReference();

	EmfRuntimeTest() {
		EPackage pack = ecore.createEPackage();
		pack.setName("essai");
		pack.setNsURI("http://mutualite.fr/cqp/essai");
		pack.setNsPrefix("essai");
		certification.setName("Certification");
		domain.setName("Domaine");
		code.setName("code");
		code.setEType(EcorePackage.Literals.ESTRING);
		title.setName("intitule");
		title.setEType(EcorePackage.Literals.ESTRING);
		domains.setName("domaines");
		domains.setEType(domain);
		domains.setContainment(true);
		domains.setUpperBound(-1);
		certification.getEStructuralFeatures().addAll(List.of(code, domains));
		domain.getEStructuralFeatures().add(title);
		pack.getEClassifiers().addAll(List.of(certification, domain));
	}

	private EObject cqp() {
		EObject cqp = EcoreUtil.create(certification);
		cqp.eSet(code, "CMI");
		for (String t : List.of("Analyser la situation d'un adhérent", "Proposer une offre multi-produits")) {
			EObject d = EcoreUtil.create(domain);
			d.eSet(title, t);
			list(cqp).add(d);
		}
		return cqp;
	}

	@SuppressWarnings("unchecked")
	private List<EObject> list(EObject cqp) {
		return (List<EObject>) cqp.eGet(domains);
	}

	@Test
	void aModelSurvivesAnXmiRoundTrip() throws Exception {
		ResourceSet set = new ResourceSetImpl();
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
		set.getPackageRegistry().put(certification.getEPackage().getNsURI(), certification.getEPackage());
		Path file = tmp.resolve("cmi.xmi");
		Resource out = set.createResource(URI.createFileURI(file.toString()));
		EObject original = cqp();
		out.getContents().add(original);
		out.save(Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));
		String xmi = Files.readString(file);
		assertTrue(xmi.contains("encoding=\"UTF-8\"") && xmi.contains("un adhérent"), xmi);

		ResourceSet other = new ResourceSetImpl();
		other.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
		other.getPackageRegistry().put(certification.getEPackage().getNsURI(), certification.getEPackage());
		Resource in = other.getResource(URI.createFileURI(file.toString()), true);
		assertTrue(EcoreUtil.equals(original, in.getContents().get(0)), "same model after the round trip");
	}

	@Test
	void recordedChangesCanBeReverted() {
		EObject cqp = cqp();
		ChangeRecorder recorder = new ChangeRecorder(cqp);
		cqp.eSet(code, "CMC");
		list(cqp).remove(0);
		ChangeDescription changes = recorder.endRecording();
		assertEquals(1, list(cqp).size());
		changes.apply();
		assertEquals("CMI", cqp.eGet(code));
		assertEquals(2, list(cqp).size());
	}

	@Test
	void editCommandsAreUndone() {
		EObject cqp = cqp();
		EditingDomain editing = new AdapterFactoryEditingDomain(
				new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE), new BasicCommandStack());
		EObject third = EcoreUtil.create(domain);
		editing.getCommandStack().execute(SetCommand.create(editing, cqp, code, "CARC"));
		editing.getCommandStack().execute(AddCommand.create(editing, cqp, domains, third));
		assertEquals(3, list(cqp).size());
		editing.getCommandStack().undo();
		editing.getCommandStack().undo();
		assertEquals("CMI", cqp.eGet(code));
		assertEquals(2, list(cqp).size());
	}

	@Test
	void emfRunsFromItsOsgiBundles() {
		assertEquals("org.eclipse.emf.ecore.xmi", FrameworkUtil.getBundle(XMIResourceFactoryImpl.class).getSymbolicName());
		assertEquals("org.eclipse.emf.edit", FrameworkUtil.getBundle(AddCommand.class).getSymbolicName());
	}
}
