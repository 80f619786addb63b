import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

// Lesson headings sit below the lesson's own h2, so the page keeps one outline.
const components: Components = {
  h1: ({ node: _node, ...props }) => <h3 {...props} />,
  h2: ({ node: _node, ...props }) => <h3 {...props} />,
  h3: ({ node: _node, ...props }) => <h4 {...props} />,
  h4: ({ node: _node, ...props }) => <h5 {...props} />,
  h5: ({ node: _node, ...props }) => <h6 {...props} />,
  // Links in content leave the app: a new tab, without handing it our window.
  a: ({ node: _node, href, ...props }) => <a href={href} target="_blank" rel="noopener noreferrer" {...props} />,
  // Wide tables scroll sideways on phones instead of widening the page.
  table: ({ node: _node, ...props }) => (
    <div className="table-scroll" tabIndex={0}>
      <table className="table" {...props} />
    </div>
  ),
};

/** Content Markdown (lessons, scenarios, guidance). Raw HTML in the source is shown as text, never run. */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={['markdown', className].filter(Boolean).join(' ')}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
