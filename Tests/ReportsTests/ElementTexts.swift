import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the text and the `b` attribute of every element named `element`.
final class ElementTexts: NSObject, XMLParserDelegate {
    let element: String
    var texts: [String] = []
    var attributes: [String] = []
    private var current: String?

    init(element: String) { self.element = element }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == element {
            current = ""
            if let b = attributes["b"] { self.attributes.append(b) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == element, let text = current { texts.append(text); current = nil }
    }
}
