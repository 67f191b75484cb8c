import { createServerFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

/**
 * Keeps a rich-text body editable whenever its field is.
 *
 * Payload's Lexical field fixes `editable` once, when the editor mounts. It remounts the editor
 * when the server sends a new initial value, which happens after a refused save; on a loaded
 * server the form is often still "processing" at that moment, so the body mounted read-only and
 * stayed so until the page was reloaded: everything the editor typed next was lost. This feature
 * adds a plugin that follows the field's read-only state for the editor's whole life.
 */
const EditableSyncFeature = createServerFeature({
  key: 'editableSync',
  feature: {
    ClientFeature: '@/components/admin/EditableSync#EditableSyncFeatureClient',
  },
})

/** The editor every rich-text field uses: Payload's defaults plus the fix above. */
export const richTextEditor = () =>
  lexicalEditor({
    features: ({ defaultFeatures }) => [...defaultFeatures, EditableSyncFeature()],
  })
