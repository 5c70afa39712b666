// The motion screens' lazy chunk: the shell imports it when one of their routes is first drawn, so the
// core governance they replicate and the vote widget never weigh on the first load.
import './motion-screen.js';
import './paper-screen.js';
