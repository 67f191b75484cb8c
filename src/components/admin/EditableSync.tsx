'use client'

import { useFormInitializing, useFormProcessing } from '@payloadcms/ui'
import { createClientFeature, useEditorConfigContext } from '@payloadcms/richtext-lexical/client'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useEffect } from 'react'

/** Sets the editor editable exactly when Payload's own rule says the field is (see src/fields/richText.ts). */
function EditableSyncPlugin() {
  const [editor] = useLexicalComposerContext()
  const { fieldProps } = useEditorConfigContext()
  const processing = useFormProcessing()
  const initializing = useFormInitializing()
  const readOnly = Boolean(
    fieldProps.readOnly || fieldProps.field?.admin?.readOnly || processing || initializing,
  )
  useEffect(() => {
    if (editor.isEditable() === readOnly) editor.setEditable(!readOnly)
  }, [editor, readOnly])
  return null
}

export const EditableSyncFeatureClient = createClientFeature({
  plugins: [{ Component: EditableSyncPlugin, position: 'normal' }],
})
