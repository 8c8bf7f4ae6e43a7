import type { UploadResumeResponse } from '@screenline/core';
import { useId, useState, type DragEvent } from 'react';
import { uploadResume } from '../../lib/candidate-api';
import { errorMessage } from '../../lib/api';

const ACCEPTED =
  '.pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';

/** Drag and drop or a file picker labelled "Resume", a progress bar, and the API's answer. */
export function ResumeUpload({
  jobId,
  onUploaded,
}: {
  jobId: string;
  onUploaded: (upload: UploadResumeResponse) => void;
}) {
  const hintId = useId();
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [fileName, setFileName] = useState<string | undefined>();
  const [isDragging, setIsDragging] = useState(false);

  const send = (file: File): void => {
    setFileName(file.name);
    setError(undefined);
    setProgress(0);
    uploadResume(file, jobId, setProgress).then(
      (upload) => {
        setProgress(undefined);
        onUploaded(upload);
      },
      (failure: unknown) => {
        setProgress(undefined);
        setError(errorMessage(failure));
      },
    );
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setIsDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) send(file);
  };
  const isUploading = progress !== undefined;

  return (
    <div
      className={`dropzone${isDragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setIsDragging(true);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={onDrop}
    >
      <label className="field">
        <span>Resume</span>
        <input
          type="file"
          accept={ACCEPTED}
          aria-describedby={hintId}
          disabled={isUploading}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) send(file);
            // Let the same file be chosen again after an error.
            event.target.value = '';
          }}
        />
      </label>
      <p id={hintId} className="muted small">
        PDF, Word (.docx) or text, up to 5 MB. Drop the file here or choose it.
      </p>
      {isUploading && (
        <div role="status">
          <progress max={1} value={progress} aria-label="Upload progress" />
          <span className="small"> Uploading and reading {fileName}…</span>
        </div>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {fileName !== undefined ? `${fileName}: ` : ''}
          {error}
        </p>
      )}
    </div>
  );
}
