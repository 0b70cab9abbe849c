/** The command adapter: any executable is a test unit (salvo.yaml's commands, --command NAME=CMD). */
package salvo.command;
